// npm run seed:demo: loads the demo curation (seeds/demo.json) into a database that has no articles yet.
// The demo is written by accounts whose passwords are random and discarded, so no default password exists.
import { disconnectDb } from "@/lib/db";
import { ensureCurationActors } from "@/lib/demo/actors";
import { countArticles, loadDemo, readDemoFile } from "@/lib/demo/load";
import { stopJobQueue } from "@/lib/jobs/queue";
import "@/lib/wiring";
import { runCommand, withDatabase } from "./database";

await runCommand(() =>
  withDatabase(async () => {
    try {
      if (!(await readDemoFile())) {
        console.log("There is no demo file (seeds/demo.json); nothing to load.");
        return;
      }
      const articles = await countArticles();
      if (articles > 0) {
        throw new Error(
          `The database already has ${articles} article(s). The demo loads only into a database without articles, so that it never mixes with real work.`,
        );
      }
      if (!process.env.NEXTAUTH_URL) console.log("NEXTAUTH_URL is not set: the published demo briefing will name http://localhost:3000 as its address.");
      const summary = await loadDemo(await ensureCurationActors(), { log: (line) => console.log(line) });
      if (summary?.briefing?.path) console.log(`Public briefing: ${summary.briefing.path}`);
    } finally {
      await stopJobQueue();
      await disconnectDb();
    }
  }),
);
