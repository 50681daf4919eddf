# Runs a command in a pseudo-terminal, types the given keys (separated by |), prints what the terminal showed and the exit code.
# Used by the e2e tests that prove mentor-cli asks questions only on a TTY (Node has no built-in pty).
import os, pty, sys, time, select
keys = sys.argv[1].encode().decode('unicode_escape').encode('latin1').split(b'|')
cmd = sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)
out = b''
def read(t):
    global out
    end = time.time() + t
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                d = os.read(fd, 65536)
            except OSError:
                return
            if not d: return
            out += d
read(3)
for k in keys:
    os.write(fd, k)
    read(2)
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode('utf8', 'replace'))
print('\nEXIT', os.WEXITSTATUS(status))
