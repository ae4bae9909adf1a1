import { readFileSync } from "node:fs";
import { parseArticle } from "@/lib/articles/extract";
for (const f of ["000_e5653e6b77eee7e3.txt","001_c1ada2601b12286d.txt","002_8259c0e6e43987e1.txt","003_eca1355c358a7f3d.txt","004_01be06722b39d923.txt"]) {
  const a = parseArticle({ bytes: readFileSync("seeds/"+f), filename: f });
  a.lines.forEach((l, i) => { if (!l.kept && ["page furniture","navigation","related links","reader comments"].includes(l.reason!)) console.log(f.slice(0,3), i, l.reason, l.text.slice(0,80)); });
  console.log(f.slice(0,3), "title:", a.title);
}
