// A pseudo-terminal driver for the benchmark: python3's pty module runs the command in a real
// terminal of a given size, strips ANSI escapes from what it prints, and reports, with epoch
// millisecond times, when text matching a pattern first appears. Node talks to it in JSON lines.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const DRIVER = String.raw`
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time, codecs

cfg = json.loads(sys.argv[1])
now = lambda: time.time() * 1000.0
def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n"); sys.stdout.flush()

t0 = now()
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", cfg["rows"], cfg["cols"], 0, 0))
    env = dict(cfg["env"])
    os.execvpe(cfg["cmd"][0], cfg["cmd"], env)
emit({"event": "spawned", "pid": pid, "t0": t0})

ESC = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[@-Z\\^_=>78]")
decoder = codecs.getincrementaldecoder("utf-8")("replace")
pending_raw = ""
text = ""          # everything printed so far, escapes removed
waits = []         # [id, regex, start]
watches = []       # [id, regex, scanned, seen set]
inbuf = b""
stdin_fd = sys.stdin.fileno()
child_done = False

def check():
    global waits
    keep = []
    for w in waits:
        m = w[1].search(text, w[2])
        if m:
            emit({"event": "match", "id": w[0], "t": now(), "text": m.group(0)})
        else:
            w[2] = max(w[2], len(text) - 400); keep.append(w)
    waits = keep
    for w in watches:
        for m in w[1].finditer(text, w[2]):
            if m.group(0) not in w[3]:
                w[3].add(m.group(0)); emit({"event": "watch", "id": w[0], "t": now(), "text": m.group(0)})
        w[2] = max(w[2], len(text) - 400)

def command(c):
    if "send" in c:
        os.write(fd, c["send"].encode("utf-8"))
        emit({"event": "sent", "id": c.get("id"), "t": now()})
    elif "wait" in c:
        start = 0 if c.get("from") == "start" else len(text)
        waits.append([c["id"], re.compile(c["wait"]), start]); check()
    elif "watch" in c:
        watches.append([c["id"], re.compile(c["watch"]), 0, set()]); check()
    elif "kill" in c:
        try: os.kill(pid, getattr(signal, c["kill"]))
        except ProcessLookupError: pass

while True:
    fds = [fd] if not child_done else []
    fds.append(stdin_fd)
    r, _, _ = select.select(fds, [], [], 0.5)
    if fd in r:
        try: data = os.read(fd, 65536)
        except OSError: data = b""
        if not data:
            child_done = True
            _, status, ru = os.wait4(pid, 0)
            emit({"event": "exit", "t": now(), "code": os.waitstatus_to_exitcode(status), "cpuMs": (ru.ru_utime + ru.ru_stime) * 1000})
            break
        raw = pending_raw + decoder.decode(data)
        cut = raw.rfind("\x1b")
        if cut != -1 and cut > len(raw) - 64 and not ESC.match(raw, cut):
            pending_raw, raw = raw[cut:], raw[:cut]
        else:
            pending_raw = ""
        text += ESC.sub("", raw)
        check()
    if stdin_fd in r:
        chunk = os.read(stdin_fd, 65536)
        if not chunk:
            try: os.kill(pid, signal.SIGKILL)
            except ProcessLookupError: pass
            continue
        inbuf += chunk
        while b"\n" in inbuf:
            line, inbuf = inbuf.split(b"\n", 1)
            if line.strip(): command(json.loads(line))
`;

/** One command running in a pseudo-terminal. */
export class PtySession {
  #child;
  #waiters = new Map();
  #watchers = new Map();
  #nextId = 1;
  #sent = [];
  /** Resolves with {t, code, cpuMs} when the command exits (cpuMs: user + system time, children included). */
  exited;
  /** Resolves with {pid, t0} once it has been started (t0: epoch ms just before the fork). */
  spawned;

  constructor(cmd, { env = process.env, rows = 40, cols = 120 } = {}) {
    this.#child = spawn('python3', ['-c', DRIVER, JSON.stringify({ cmd, env, rows, cols })], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let resolveSpawned;
    let resolveExit;
    this.spawned = new Promise((r) => (resolveSpawned = r));
    this.exited = new Promise((r) => (resolveExit = r));
    this.#child.on('exit', () => resolveExit({ t: NaN, code: null }));
    createInterface({ input: this.#child.stdout }).on('line', (line) => {
      const msg = JSON.parse(line);
      if (msg.event === 'spawned') {
        this.pid = msg.pid;
        this.t0 = msg.t0;
        resolveSpawned(msg);
      } else if (msg.event === 'match') {
        const w = this.#waiters.get(msg.id);
        this.#waiters.delete(msg.id);
        w?.resolve(msg);
      } else if (msg.event === 'sent') {
        this.#sent.shift()?.(msg.t);
      } else if (msg.event === 'watch') {
        this.#watchers.get(msg.id)?.(msg);
      } else if (msg.event === 'exit') {
        for (const w of this.#waiters.values()) w.reject(new Error(`exited (code ${msg.code}) before the text appeared`));
        this.#waiters.clear();
        resolveExit(msg);
      }
    });
  }

  #send(obj) {
    this.#child.stdin.write(`${JSON.stringify(obj)}\n`);
  }

  /** Resolves with {t, text} when text matching pattern appears (from the start of output, or from now). */
  waitFor(pattern, { from = 'now', timeoutMs = 60_000 } = {}) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(id);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for /${pattern}/`));
      }, timeoutMs);
      this.#waiters.set(id, {
        resolve: (m) => (clearTimeout(timer), resolve(m)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.#send({ wait: pattern, id, from });
    });
  }

  /** Calls onMatch({t, text}) for each distinct text matching pattern, from the start of output. */
  watch(pattern, onMatch) {
    const id = this.#nextId++;
    this.#watchers.set(id, onMatch);
    this.#send({ watch: pattern, id });
  }

  /** Writes text to the terminal; resolves with the epoch ms time it was written. */
  send(text) {
    return new Promise((resolve) => {
      this.#sent.push(resolve);
      this.#send({ send: text });
    });
  }

  async kill(signal = 'SIGTERM') {
    this.#send({ kill: signal });
    const timer = setTimeout(() => this.#send({ kill: 'SIGKILL' }), 3000);
    const result = await this.exited;
    clearTimeout(timer);
    this.#child.stdin.end();
    return result;
  }
}
