// yearly: an act is due each year by a month-day (每年年初, a ruleset parameter). A round's log
// speaks for the year its round started (round.started), so only those years are judged; a log
// without round.started judges no year, rather than flag an annual duty it never meant to record.
import { dayFromYmd, isoOf, ymd } from '../../calendar/dates.js';
import { dueDateOf } from '../../calendar/periods.js';
import type { Finding } from '../../model/finding.js';
import type { Duty } from '../../model/rules.js';
import { acts, finding, inForce, lateBy, lateZh, leftUntil, leftZh, type Ctx } from '../context.js';

export function yearly(duty: Duty, ctx: Ctx, out: Finding[]): void {
  const years = [...new Set(ctx.index.ofType('round.started').map((e) => ymd(e.day).y))];
  const { month: mm, day: dd } = duty.yearly!;
  const done = acts(duty, ctx);
  const party = ctx.agencyName(duty.party);
  const phrase = ctx.eventType(duty.act!.event).phrase;
  for (const y of years) {
    const from = dayFromYmd(y, 1, 1);
    const due = dayFromYmd(y, mm, dd);
    const inYear = done.filter((e) => e.day >= from && e.day < dayFromYmd(y + 1, 1, 1));
    const anchor = inYear[0] ?? ctx.index.ofType('round.started').find((e) => ymd(e.day).y === y)!;
    if (!inForce(duty, ctx, due, anchor)) continue;
    const first = inYear[0];
    if (first && first.day <= due) continue;
    const dueDate = dueDateOf(from, due, `“每年年初”按规则参数理解为每年${mm}月${dd}日前，${y}年即${isoOf(due)}前`, [], false);
    if (first) {
      const late = lateBy(ctx, due, first.day);
      out.push(finding(duty, ctx, {
        kind: 'late', primary: first, evidence: [first], due: dueDate, done: first.day, late,
        message: `${party}应于${y}年年初即${isoOf(due)}前${phrase}，实际${first.date}${phrase}，${lateZh(late)}。计算：${dueDate.counting}。`,
      }));
    } else if (ctx.asOf > due) {
      out.push(finding(duty, ctx, {
        kind: 'missing', evidence: [], due: dueDate, done: null, late: lateBy(ctx, due, ctx.asOf), party: duty.party,
        message: `${party}应于${y}年年初即${isoOf(due)}前${phrase}，截至${isoOf(ctx.asOf)}未见记录。计算：${dueDate.counting}。`,
      }));
    } else {
      const left = leftUntil(ctx, due);
      out.push(finding(duty, ctx, {
        kind: 'due', evidence: [], due: dueDate, done: null, left, party: duty.party,
        message: `${party}应于${y}年年初即${isoOf(due)}前${phrase}，尚未${phrase}，${leftZh(ctx, due, left)}。计算：${dueDate.counting}。`,
      }));
    }
  }
}
