/**
 * What the library's text reader (src/modules/policies/policy-text.ts) reads on the shared corpus pages of
 * 规范性文件 and 解读 (../shared/corpus/normative, ../shared/corpus/interpretation): 统一登记号, 施行日期,
 * 有效期年限, 有效期至, 暂行/试行 and the warnings it gives the user. A report, not a test: the reader must not
 * know these pages.
 *
 * Run: npx tsx scripts/policy-text-corpus-report.ts [corpus directory, default ../shared/corpus]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readPolicyText } from '../src/modules/policies/policy-text.ts';

const root = path.resolve(process.argv[2] ?? '../shared/corpus');
let pages = 0;
let withAny = 0;
for (const dir of ['normative', 'interpretation']) {
  const folder = path.join(root, dir);
  if (!existsSync(folder)) continue;
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    // Line 1 is the page's address; the title is the first non-empty line after it.
    const [, ...lines] = readFileSync(path.join(folder, file), 'utf8').split('\n');
    const title = lines.find((l) => l.trim() !== '') ?? '';
    const r = readPolicyText(lines.join('\n'), title);
    const found = {
      登记号: r.registrationNumber?.value,
      施行: r.effectiveOn?.value,
      有效期年: r.validityYears?.value,
      有效期至: r.expiresOn?.value,
      暂行试行: r.provisional || undefined,
    };
    const any = Object.values(found).some((v) => v !== undefined);
    pages++;
    if (any) withAny++;
    const shown = Object.entries(found)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k} ${v}`)
      .join('；');
    console.log(`${dir}/${file}: ${shown || '—'}`);
    for (const w of r.warnings) console.log(`    提示：${w}`);
  }
}
console.log(`\n${pages} 个页面，${withAny} 个读出了有效性信息`);
