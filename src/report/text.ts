// --format text: the Chinese report a clerk reads in the terminal, grouped by agency, with the
// pending duties listed by due date.
import { fileLabel } from '../model/display-path.js';
import type { CheckResult, Finding } from '../model/finding.js';
import { tally } from '../model/finding.js';
import { afterAsOfZh, agencyOrder, estimateClauseZh, byAgency, estimateMark, KIND_ZH, noFindingsZh, overdueByDue, overdueZh, pendingByDue, reminderZh, SEVERITY_ZH, leftZh } from './labels.js';

import type { ReportContext } from './index.js';

export function formatText(results: CheckResult[], ctx: ReportContext): string {
  const parts = results.map((r) => one(r, ctx));
  if (results.length > 1) {
    const all = tally(results.flatMap((r) => r.findings));
    parts.push(`合计（${results.length} 个巡察轮次）：违规 ${all.violation} 项，提示 ${all.advisory} 项，待办 ${all.pending} 项\n`);
  }
  return parts.join('\n' + '═'.repeat(40) + '\n\n');
}

function one(r: CheckResult, ctx: ReportContext): string {
  const L: string[] = [];
  const { violation, advisory, pending } = r.summary;
  L.push('巡察协作事项合规检查报告');
  L.push(`巡察轮次：${r.round.id}${r.round.name ? ' ' + r.round.name : ''}`);
  L.push(`案卷日志：${fileLabel(r.file)}`);
  L.push(`检查基准日：${r.asOf}`);
  const later = afterAsOfZh(r);
  if (later) L.push(`晚于基准日的事件：${later}。`);
  L.push(`规则集：${r.ruleset.title}，版本 ${r.ruleset.version}，${r.ruleset.effective} 起施行`);
  L.push(`工作日历：${r.calendar.source}，经 ${r.calendar.overrides.length} 个年份覆盖文件校正，覆盖 ${r.calendar.years} 年${r.calendar.estimateUncovered ? `（${estimateClauseZh(r.calendar)}）` : ''}`);
  L.push('');
  L.push(`汇总：违规 ${violation} 项，提示 ${advisory} 项，待办 ${pending} 项`);
  L.push('');
  L.push('一、按单位列示');
  const groups = byAgency(r.findings, agencyOrder(ctx.rules, r.findings));
  if (groups.size === 0) L.push(`  ${noFindingsZh(r)}`);
  for (const [agency, list] of groups) {
    const t = tally(list);
    L.push('');
    L.push(`【${ctx.agencyName(agency)}】违规 ${t.violation} · 提示 ${t.advisory} · 待办 ${t.pending}`);
    for (const f of list) L.push(...findingLines(f));
  }
  const overdue = overdueByDue(r.findings);
  L.push('');
  L.push('二、逾期未办（按到期日，逾期最久的在前）');
  if (overdue.length === 0) L.push('  无');
  for (const f of overdue) {
    L.push(`  ${f.due}  已${overdueZh(f)}${estimateMark(f)}  ${SEVERITY_ZH[f.severity]}  ${ctx.agencyName(f.agency)}  ${f.article} ${f.title}${f.ref ? `（${f.ref}）` : ''}`);
  }
  const pend = pendingByDue(r.findings);
  L.push('');
  L.push('三、待办事项（按到期日）');
  if (pend.length === 0) L.push('  无');
  for (const f of pend) {
    const soon = reminderZh(f, r.asOf) ? '【临期】' : ''; // due today too: the words say 今日到期
    L.push(`  ${f.due}  ${leftZh(f, r.asOf)}${estimateMark(f)}${soon}  ${ctx.agencyName(f.agency)}  ${f.article} ${f.title}${f.ref ? `（${f.ref}）` : ''}`);
  }
  if (r.notJudged.length) {
    L.push('');
    L.push('四、未予判定（早于规则集生效日期）');
    for (const n of r.notJudged) L.push(`  ${n.article} ${n.message} 证据：${n.evidence.join('、')}`);
  }
  return L.join('\n') + '\n';
}

function findingLines(f: Finding): string[] {
  return [
    `  [${SEVERITY_ZH[f.severity]}·${KIND_ZH[f.kind]}] ${f.article} ${f.title}`,
    `    ${f.message}`,
    `    依据：${f.article}；证据：${f.evidence.join('、') || '无'}${f.accountability ? `；追责：${f.accountability}` : ''}${f.interpretations.length ? `；涉及解释参数：${f.interpretations.join('、')}` : ''}`,
  ];
}
