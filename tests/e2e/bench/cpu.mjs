// Where the CPU went during a measured stretch: each thread of the app and of
// the WebKit processes it started (from /proc), and the whole machine, so that
// a long frame can be told apart as the app's own work or as other programs
// taking the cores. Linux only, like the E2E harness.
import fs from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Process ids of the running app binary `app` and of all its descendants. */
function appProcesses(app) {
  const parents = new Map();
  const roots = [];
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      parents.set(pid, stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (fs.readlinkSync(`/proc/${pid}/exe`) === app) roots.push(pid);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  const found = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!found.has(pid) && found.has(parent)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return [...found];
}

/** CPU ticks so far of every thread of the app's processes, by "process/thread" name, and of the machine. */
export function cpuSnapshot(app) {
  const threads = new Map();
  for (const pid of appProcesses(fs.realpathSync(app))) {
    let tids = [];
    try {
      tids = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    const process = fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
    for (const tid of tids) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
        const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        threads.set(`${pid}/${tid}`, { name: `${process}/${name}`, ticks: Number(fields[11]) + Number(fields[12]) });
      } catch {
        // the thread ended
      }
    }
  }
  const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + cpu[4];
  const total = cpu.reduce((a, b) => a + b, 0);
  return { at: Date.now(), threads, busy: total - idle };
}

/**
 * CPU milliseconds between two snapshots: the app's threads (busiest first,
 * same names summed), the app's total, and the rest of the machine.
 */
export function cpuBetween(before, after) {
  const byName = new Map();
  let app = 0;
  for (const [id, thread] of after.threads) {
    const used = thread.ticks - (before.threads.get(id)?.ticks ?? 0);
    if (used <= 0) continue;
    app += used;
    byName.set(thread.name, (byName.get(thread.name) ?? 0) + used);
  }
  const toMs = (ticks) => (ticks * 1000) / TICKS_PER_SECOND;
  return {
    wallMs: after.at - before.at,
    appMs: toMs(app),
    otherMs: toMs(after.busy - before.busy - app),
    threads: [...byName].sort((a, b) => b[1] - a[1]).map(([name, ticks]) => ({ name, ms: toMs(ticks) })),
  };
}
