// Preloaded with NODE_OPTIONS=--require (node refuses --cpu-prof there): profiles this process's
// CPU and writes a .cpuprofile (Chrome DevTools format) into SHOWDOWN_CPU_PROF_DIR when it exits.
const fs = require("node:fs");
const path = require("node:path");
const inspector = require("node:inspector");

const dir = process.env.SHOWDOWN_CPU_PROF_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 1000 });
  session.post("Profiler.start");
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // An in-thread session answers synchronously, so this works from an exit handler.
    session.post("Profiler.stop", (error, result) => {
      if (error) return;
      const file = path.join(dir, `${path.basename(process.argv[1] ?? "node")}-${process.pid}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(result.profile));
    });
  };
  process.on("exit", write);
}
