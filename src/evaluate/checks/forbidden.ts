// forbidden: every such act is a breach (拒收或退回问题线索, 拒不参加巡察工作).
import type { Finding } from '../../model/finding.js';
import type { Duty } from '../../model/rules.js';
import { acts, did, finding, inForce, partyOf, type Ctx } from '../context.js';

export function forbidden(duty: Duty, ctx: Ctx, out: Finding[]): void {
  for (const a of acts(duty, ctx)) {
    if (!inForce(duty, ctx, a.day, a)) continue;
    out.push(finding(duty, ctx, {
      kind: 'breach', primary: a, evidence: [a], party: partyOf(duty, a),
      message: `${did(ctx, a)}。${duty.title}。`,
    }));
  }
}
