// A deterministic, seeded generator of realistic round logs for benchmarks and fuzzing: every
// agency, the whole event catalogue, dates across real holidays, and about one duty in ten late
// or missing. The same (events, seed) always gives the same logs.
import { addMonthsClamped, dayFromYmd, dayOf, isoOf, ymd } from '../calendar/dates.js';
import type { CaseLog, LogEvent } from '../model/log.js';

export interface GenerateOptions {
  /** Total events over all logs. */
  events: number;
  seed: number;
}

/** mulberry32: small, fast and good enough to make varied test data. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

const UNITS = ['县住建局', '县教体局', '县卫健委', '县农业农村局', '县市场监管局', '县自然资源局', '县交通运输局', '县水利局',
  '县民政局', '县人社局', '县应急管理局', '县文广旅局', '县商务局', '县城管局', '北舞渡镇', '莲花镇', '辛安镇', '吴城镇'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌辉鹏玲';
const INQUIRY = ['jiwei', 'zuzhibu', 'xuanchuanbu', 'tongzhanbu', 'shenjiju', 'xinfangju'];
const INQUIRY_PERSONS = ['fayuan', 'jianchayuan', 'gonganju'];
const SECONDING = ['jiwei', 'zuzhibu', 'xuanchuanbu', 'zhengfawei', 'fayuan', 'jianchayuan', 'bianban', 'gonganju', 'sifaju', 'caizhengju', 'shenjiju', 'xinfangju'];
const ASSISTING = ['zhengfawei', 'fayuan', 'jianchayuan', 'gonganju', 'sifaju', 'caizhengju', 'shenjiju'];
const CLUES = ['jiwei', 'jiwei', 'jiwei', 'zuzhibu', 'bianban', 'xuanchuanbu', 'gonganju', 'caizhengju', 'shenjiju'];
const LAST_START = dayOf('2025-06-30');
const FIRST_START = dayOf('2023-04-03');

function person(r: Rng): string {
  return r.pick([...SURNAMES]) + r.pick([...GIVEN]) + (r.chance(0.5) ? r.pick([...GIVEN]) : '');
}

/** A persons list names each person once (the schema refuses a repeated name). Drawn names may
 *  repeat: they are dropped after drawing, so the random sequence, and every finding, stay as they were. */
function distinct(names: string[]): string[] {
  return [...new Set(names)];
}

/**
 * Days to wait for an act: nine times in ten within `ok`, else `late` days (a range far enough past
 * `ok` that the act is late whatever weekends fall between). Each duty's acts are late or missing
 * about one time in ten; tests/generate.test.ts measures it duty by duty.
 */
function wait(r: Rng, ok: number, late: readonly [number, number]): number {
  return r.chance(0.9) ? r.int(0, ok) : r.int(late[0], late[1]);
}

/** 巡察结束后 (the after-round parameter, 1 month) from `from`: the day an after-round duty is done. */
function afterRound(r: Rng, from: number): number {
  return from + wait(r, 25, [35, 50]);
}

/**
 * Written feedback on a clue or suggestion transferred on day `t`: the first within 3 months, then
 * one in each month after the month it was due, until one says it is closed. Late and missing
 * about one time in ten: the first after the 3 months, or one of the monthly ones left out.
 */
function feedback(r: Rng, t: number, add: (day: number, closed: boolean) => void): void {
  const months = r.int(0, 4); // monthly feedbacks after the first; the last one closes the matter
  add(t + wait(r, 85, [100, 120]), months === 0);
  const skip = months >= 2 && r.chance(0.15) ? r.int(1, months - 1) : 0;
  let { y, m } = ymd(addMonthsClamped(t, 3));
  for (let k = 1; k <= months; k++) {
    if (++m > 12) { m = 1; y++; }
    if (k !== skip) add(dayFromYmd(y, m, r.int(3, 25)), k === months);
  }
}

/**
 * One round's log. `x` draws the variations added after the bench's data were first pinned (a cadre
 * from another agency's pool, a second or replaced liaison): from their own stream, so that adding
 * them left every other event as it was.
 */
export function generateRound(index: number, r: Rng, x: Rng): CaseLog {
  const ev: LogEvent[] = [];
  let n = 0;
  const add = (day: number, type: string, actor: string, extra: Partial<LogEvent> = {}) => {
    ev.push({ id: `E${++n}`, type, date: isoOf(day), actor, ...extra });
  };
  const year = 2023 + (index % 3);
  const start = Math.min(LAST_START, Math.max(FIRST_START, dayOf(`${year}-01-01`) + r.int(60, 300)));
  const units = [...new Set(Array.from({ length: r.int(3, 5) }, () => r.pick(UNITS)))];
  const letter = (k: string) => `舞巡函〔${year}〕${index}-${k}号`;
  add(start, 'round.started', 'xunchaban');
  // 每年年初 (by 03-31, the start-of-year parameter): in the first quarter nine times in ten, else in
  // April or never.
  const jan1 = dayOf(`${year}-01-01`);
  const plan = r.next();
  if (plan < 0.95) add(jan1 + (plan < 0.9 ? r.int(5, 85) : r.int(95, 115)), 'audit-plan.provided', 'shenjiju', { classified: true });
  const stationed = start + r.int(7, 12);
  const reportDay = stationed + r.int(45, 60);
  const ended = reportDay + r.int(10, 20);
  const stationedAt = new Map(units.map((u) => [u, stationed + r.int(0, 2)]));
  for (const [u, d] of stationedAt) add(d, 'round.stationed', 'xunchazu', { unit: u });

  for (const a of SECONDING) {
    if (!r.chance(0.6)) continue;
    const ref = `组干函〔${year}〕${index}-${a}`;
    add(start + r.int(0, 2), 'secondment.requested', a === 'jiwei' ? 'xunchaban' : 'zuzhibu', { to: a, ref, approved: r.chance(0.95) });
    const assigned = start + r.int(2, 5);
    add(assigned, 'secondment.assigned', a, { ref, persons: [person(r)], fromTalentPool: r.chance(0.9) });
    add(assigned + wait(r, 5, [9, 14]), 'secondment.reported', a, { ref });
    // 宣传部 trains the cadres it seconds before the round is stationed.
    if (a === 'xuanchuanbu' && r.chance(0.95)) add(r.chance(0.95) ? stationed - r.int(1, 3) : stationed + r.int(3, 6), 'training.held', a);
    if (r.chance(0.08)) {
      const req = assigned + r.int(5, 20);
      add(req, 'secondment.replacement-requested', a, { ref });
      const ok = req + r.int(1, 4);
      add(ok, 'secondment.replacement-approved', 'lingdaoxiaozu', { ref });
      // Now and then the new cadre comes from another agency's pool (人才库), which the talent-pool duties report.
      const pool = x.chance(0.9) ? a : x.pick(SECONDING.filter((b) => b !== a));
      add(r.chance(0.9) ? ok + r.int(0, 3) : ok - 1, 'secondment.replaced', a, { ref, persons: [person(r)], fromTalentPool: true, talentPool: pool });
    }
    if (r.chance(0.02)) add(assigned, 'secondment.refused', a, { ref });
  }
  for (const a of ['gonganju', 'fayuan', 'shenjiju', 'xunchaban']) {
    if (!r.chance(0.4)) continue;
    const named = start + r.int(0, 5);
    // One liaison, as 三(一) asks; rarely two named at once (an advisory), and now and then one replaced later.
    add(named, 'liaison.designated', a, { office: '办公室', persons: x.chance(0.97) ? [person(r)] : [person(r), person(x)] });
    if (x.chance(0.1)) add(named + x.int(10, 40), 'liaison.designated', a, { office: '办公室', persons: [person(x)] });
  }
  const train = `培训〔${year}〕${index}`;
  add(start + 1, 'training.requested', 'xunchaban', { to: 'tongzhanbu', ref: train });
  add(r.chance(0.9) ? stationed - r.int(1, 5) : stationed + 1, 'training.held', 'tongzhanbu', { ref: train });
  if (r.chance(0.4)) {
    // 巡前情况沟通: asked through the office (now and then by the group itself), held once approved.
    const ref = `巡沟〔${year}〕${index}号`;
    const asked = start + r.int(0, 2);
    add(asked, 'briefing.requested', r.chance(0.95) ? 'xunchaban' : 'xunchazu', { to: 'jiwei', ref });
    const approved = asked + r.int(0, 1);
    add(approved, 'briefing.approved', 'jiwei', { ref });
    add(r.chance(0.95) ? approved + r.int(0, 2) : approved - 1, 'briefing.held', 'jiwei', { ref });
  }
  if (r.chance(0.3)) {
    // 督查发现作风不实等问题, to be told to the office in time.
    const ref = `督查〔${year}〕${index}号`;
    const found = stationed + r.int(0, 40);
    add(found, 'oversight.found', 'ducha', { ref, unit: r.pick(units) });
    add(found + wait(r, 4, [9, 14]), 'oversight.notified', 'ducha', { ref });
  }

  const allPersons = units.flatMap(() => [person(r), person(r)]);
  for (const a of [...INQUIRY, ...INQUIRY_PERSONS, 'ducha']) {
    const ref = letter(a);
    const sent = r.chance(0.95) ? stationed - r.int(2, 7) : stationed;
    add(sent, 'inquiry.sent', 'xunchaban', { to: a, ref });
    if (a === 'ducha') continue;
    const received = sent + r.int(0, 1);
    add(received, 'inquiry.received', a, { ref });
    let from = received;
    if (INQUIRY_PERSONS.includes(a)) {
      from = received + r.int(0, 2);
      add(from, 'inquiry.persons-received', a, { ref, persons: distinct(allPersons.slice(0, 3)) });
    }
    const answered = from + 1 + wait(r, 2, [3, 7]); // 3个工作日: within 3 days is on time whatever the weekdays
    add(answered, 'inquiry.answered', a, { ref, approved: r.chance(0.95) });
    add(answered, 'inquiry.registered', 'xunchaban', { ref });
    add(r.chance(0.9) ? answered + r.int(0, 1) : ended + r.int(1, 10), 'inquiry.distributed', 'xunchaban', { ref });
  }

  const pc = `个核〔${year}〕${index}`;
  const pcSelected: string[] = [];
  for (const u of units) {
    const persons = distinct(allPersons.slice(0, r.chance(0.9) ? 2 : 3));
    pcSelected.push(...persons);
    add(stationedAt.get(u)! + wait(r, 10, [11, 15]), 'personal-check.selected', 'xunchazu', { unit: u, persons, ref: pc });
  }
  const pcRef = letter('pc');
  const pcReq = stationed + 14;
  add(pcReq, 'personal-check.requested', 'xunchaban', { to: 'zuzhibu', ref: pcRef, persons: distinct(pcSelected) });
  const pcAns = pcReq + r.int(18, 26) + (r.chance(0.1) ? 10 : 0);
  add(pcAns, 'personal-check.answered', 'zuzhibu', { ref: pcRef, classified: r.chance(0.95) });
  const pcDistributed = r.chance(0.9) ? pcAns + r.int(0, 2) : ended + r.int(1, 10);
  add(pcDistributed, 'personal-check.distributed', 'xunchaban', { ref: pcRef });

  for (let k = 0; k < r.int(2, 4); k++) {
    const ref = `组干函〔${year}〕${index}-op${k}`;
    const got = start + r.int(10, 60);
    add(got - 1, 'opinion.requested', 'zuzhibu', { to: 'xunchaban', ref, persons: [person(r)] });
    add(got, 'opinion.received', 'xunchaban', { ref });
    add(got + 1 + wait(r, 2, [3, 7]), 'opinion.answered', 'xunchaban', { ref });
  }
  for (let k = 0; k < r.int(2, 3); k++) {
    const a = r.pick(ASSISTING);
    const ref = `巡协〔${year}〕${index}-${k}`;
    const req = stationed + r.int(5, 30);
    add(req, 'assistance.requested', 'xunchazu', { to: a, ref, matters: ['有关情况'], ...(r.chance(0.95) ? { persons: [person(r)] } : {}) });
    add(req + 1, 'assistance.approved', 'xunchaban', { ref });
    add(req + 1, 'assistance.sent', 'xunchaban', { to: a, ref });
    add(req + r.int(2, 6), 'assistance.provided', a, { ref, written: true, classified: r.chance(0.95), ...(a === 'shenjiju' ? { secret: r.chance(0.3), inPerson: r.chance(0.9) } : {}) });
  }
  if (r.chance(0.3)) {
    const ref = `巡谈〔${year}〕${index}`;
    const d = stationed + r.int(10, 30);
    add(d, 'detainee-talk.requested', 'xunchazu', { ref });
    add(d + 1, 'detainee-talk.approved', 'xunchaban', { ref });
    add(d + 2, 'detainee-talk.sent', 'xunchaban', { to: 'gonganju', ref });
    add(d + 5, 'detainee-talk.held', 'xunchazu', { ref });
  }
  if (r.chance(0.3)) {
    const ref = `舆情〔${year}〕${index}`;
    const d = stationed + r.int(5, 40);
    add(d, 'public-opinion.occurred', units[0]!, { unit: units[0]!, ref });
    add(d + wait(r, 1, [2, 4]), 'public-opinion.communicated', 'xuanchuanbu', { ref });
  }
  for (const a of ['zuzhibu', 'xuanchuanbu']) if (r.chance(0.5)) add(reportDay - r.int(1, 10), 'special-check.reported', a, { ref: `专检〔${year}〕${index}-${a}`, approved: r.chance(0.95) });
  add(reportDay, 'report.heard', 'lingdaoxiaozu');
  add(ended, 'round.ended', 'xunchaban');
  if (r.chance(0.3)) {
    const ref = `专审〔${year}〕${index}`;
    add(reportDay, 'special-audit.approved', 'lingdaoxiaozu', { ref });
    add(reportDay + wait(r, 5, [9, 14]), 'special-audit.planned', 'shenjiju', { ref });
    add(reportDay + r.int(40, 90), 'special-audit.reported', 'shenjiju', { ref });
  }
  for (let k = 0; k < r.int(3, 6); k++) {
    const ref = `信访〔${year}〕${index}-${k}`;
    add(stationed + r.int(1, 40), 'petition.received', 'xunchazu', { ref, outOfScope: true });
    add(afterRound(r, ended), 'petition.forwarded', 'xunchaban', { to: 'jiwei', ref });
  }
  for (let k = 0; k < r.int(3, 6); k++) {
    const a = r.pick(CLUES);
    const ref = `巡线〔${year}〕${index}-${k}`;
    const t = reportDay + wait(r, 6, [9, 12]);
    add(t, 'clue.transferred', 'xunchaban', { to: a, ref, approved: r.chance(0.95) });
    if (r.chance(0.03)) { add(t + 3, 'clue.rejected', a, { ref }); continue; }
    feedback(r, t, (day, closed) => add(day, 'clue.feedback', a, { ref, written: true, closed }));
  }
  if (r.chance(0.4)) {
    // 问题线索处置情况最新数据, asked for by the office and given once the agency's leaders agree.
    const a = r.pick(['jiwei', 'zuzhibu']);
    const ref = `巡数〔${year}〕${index}号`;
    const asked = reportDay + r.int(30, 90);
    add(asked, 'clue-data.requested', 'xunchaban', { to: a, ref });
    add(asked + r.int(1, 3), 'clue-data.provided', a, { ref, approved: r.chance(0.95) });
  }
  for (let k = 0; k < r.int(1, 2); k++) {
    const a = r.pick(['caizhengju', 'bianban', 'xuanchuanbu', 'sifaju']);
    const ref = `巡建〔${year}〕${index}-${k}`;
    const t = reportDay + r.int(3, 8);
    add(t, 'suggestion.transferred', 'xunchaban', { to: a, ref });
    feedback(r, t, (day, closed) => add(day, 'suggestion.feedback', a, { ref, written: true, closed }));
  }
  const fbDay = reportDay + r.int(5, 12);
  for (const u of units) {
    add(fbDay, 'feedback.delivered', 'xunchazu', { unit: u });
    if (r.chance(0.5)) add(fbDay + wait(r, 1, [4, 7]), 'oversight.transferred', 'xunchaban', { to: 'ducha', unit: u, ref: `巡督〔${year}〕${index}` });
    const rect = fbDay + r.int(60, 90);
    add(rect, 'rectification.ended', u, { unit: u });
    for (const a of ['jiwei', 'zuzhibu']) add(rect + wait(r, 88, [100, 120]), 'supervision.reported', a, { unit: u });
  }
  // Originals go back within a month of the later of the round's end and their distribution.
  for (const e of ev.filter((e) => e.type === 'inquiry.distributed')) add(afterRound(r, Math.max(ended, dayOf(e.date))), 'inquiry.returned', 'xunchazu', { ref: e.ref! });
  add(afterRound(r, Math.max(ended, pcDistributed)), 'personal-check.returned', 'xunchazu', { ref: pcRef });
  for (const e of ev.filter((e) => e.type === 'secondment.assigned')) add(afterRound(r, ended), 'secondment.appraised', 'xunchaban', { ref: e.ref! });
  return { format: 'xuncha-case-log/1', round: { id: `${year}-G${index}`, name: `生成数据第${index}轮巡察`, units }, events: ev };
}

/** Logs of one round each (about 200 events), totalling exactly `events` (the last one cut short). */
export function generateLogs(o: GenerateOptions): CaseLog[] {
  const r = rng(o.seed);
  const x = rng(o.seed ^ 0x5f3759df);
  const logs: CaseLog[] = [];
  let total = 0;
  for (let i = 1; total < o.events; i++) {
    const log = generateRound(i, r, x);
    if (total + log.events.length > o.events) log.events.length = o.events - total;
    total += log.events.length;
    logs.push(log);
  }
  return logs;
}
