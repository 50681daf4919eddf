/** One person's busy time: spans kept sorted by start, so a clash check is a binary search. */

/** A busy span: UTC ms, end exclusive, with what it is for messages. */
export interface Busy {
  start: number;
  end: number;
  what: string;
  /** Which meeting it is, for spans the resolver may still move (none for fixed busy time). */
  owner?: number;
}

/** Busy spans of one person (spans may overlap when a clash was reported but not resolved). */
export class Timeline {
  private readonly spans: Busy[] = [];
  private longest = 0;

  /** Adds a busy span. */
  add(span: Busy): void {
    const { spans } = this;
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start <= span.start) lo = mid + 1;
      else hi = mid;
    }
    spans.splice(lo, 0, span);
    this.longest = Math.max(this.longest, span.end - span.start);
  }

  /** Removes a span added before (the same object). */
  remove(span: Busy): void {
    const i = this.spans.indexOf(span);
    if (i >= 0) this.spans.splice(i, 1);
  }

  /** The spans that start in [start, end), in order. */
  startingIn(start: number, end: number): Busy[] {
    const { spans } = this;
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: Busy[] = [];
    for (let i = lo; i < spans.length && spans[i].start < end; i++) out.push(spans[i]);
    return out;
  }

  /** The first busy span overlapping [start, end) that `counts` (default: any), if any. */
  clash(start: number, end: number, counts?: (b: Busy) => boolean): Busy | undefined {
    const { spans } = this;
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start < end) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && spans[i].start > start - this.longest; i--)
      if (spans[i].end > start && (!counts || counts(spans[i]))) return spans[i];
    return undefined;
  }
}

/** Timelines per person, keyed by lower-case email. */
export class Timelines {
  private readonly byEmail = new Map<string, Timeline>();

  /** The timeline of `email` (created empty). */
  of(email: string): Timeline {
    const key = email.toLowerCase();
    let t = this.byEmail.get(key);
    if (!t) this.byEmail.set(key, (t = new Timeline()));
    return t;
  }
}
