/**
 * Demo QA data: three scorecard templates (inbound call quality in two versions, complaint
 * handling, outbound follow-up) and about 600 evaluations over the past 90 days, made through the
 * QA service so that every score is the domain's and every dispute opens (and resolves) its
 * review-request ticket. Some are drafts, most submitted and acknowledged, some disputed and
 * resolved with new revisions; one calibration session. Deterministic for a seed.
 */
import { validateTemplate, type Role } from '@cc-kit/domain';
import type { Schema } from '@cc-kit/spec';
import type { Services } from '../core/area.js';
import type { Caller } from '../core/auth.js';
import type { EvaluationAnswer, TemplateRecord } from '../areas/qa/store.js';
import { Rng } from './random.js';

type Text = { en: string; 'zh-Hans': string; 'zh-Hant': string };
type Section = Schema<'ScorecardSection'>;
type Criterion = Schema<'ScorecardCriterion'>;

const t = (en: string, hans: string, hant: string): Text => ({
  en,
  'zh-Hans': hans,
  'zh-Hant': hant,
});

function yesNo(id: string, title: Text, weight: number, extra: Partial<Criterion> = {}): Criterion {
  return {
    id,
    title,
    weight,
    scale: { type: 'yes_no' },
    naAllowed: false,
    critical: 'none',
    ...extra,
  };
}

const INBOUND_V1: Section[] = [
  {
    id: 'opening',
    title: t('Opening', '开场', '開場'),
    weight: 15,
    criteria: [
      yesNo(
        'greeting',
        t('Standard greeting and job number', '标准问候语并报工号', '標準問候語並報工號'),
        1,
      ),
      yesNo(
        'verify_identity',
        t("Verified the caller's identity", '核实来电人身份', '核實來電者身分'),
        2,
        {
          naAllowed: true,
          critical: 'fatal',
          help: t(
            'Required before any account detail is discussed.',
            '涉及账户信息前必须核实身份。',
            '涉及帳戶資訊前必須核實身分。',
          ),
        },
      ),
    ],
  },
  {
    id: 'needs',
    title: t('Understanding the need', '需求确认', '需求確認'),
    weight: 20,
    criteria: [
      {
        id: 'active_listening',
        title: t(
          'Listened actively, no interrupting',
          '积极倾听，不打断客户',
          '積極傾聽，不打斷客戶',
        ),
        weight: 2,
        scale: { type: 'rating', min: 1, max: 5 },
        naAllowed: false,
        critical: 'none',
        commentRequiredBelow: 3,
      },
      yesNo(
        'confirm_need',
        t('Restated the need to confirm it', '复述确认客户需求', '複述確認客戶需求'),
        1,
      ),
    ],
  },
  {
    id: 'resolution',
    title: t('Resolution', '问题解决', '問題解決'),
    weight: 40,
    criteria: [
      {
        id: 'accuracy',
        title: t('Accurate information', '信息准确', '資訊正確'),
        weight: 3,
        scale: { type: 'rating', min: 1, max: 5 },
        naAllowed: false,
        critical: 'none',
        commentRequiredBelow: 3,
      },
      yesNo(
        'correct_process',
        t('Followed the business process', '业务流程操作规范', '業務流程操作規範'),
        2,
        {
          critical: 'section',
        },
      ),
      yesNo('first_contact', t('Resolved in this contact', '首次来电解决', '首次來電解決'), 2, {
        naAllowed: true,
      }),
    ],
  },
  {
    id: 'compliance',
    title: t('Compliance and courtesy', '合规与礼仪', '合規與禮儀'),
    weight: 15,
    criteria: [
      yesNo('no_prohibited_words', t('No prohibited words', '无服务禁语', '無服務禁語'), 1, {
        critical: 'fatal',
      }),
      yesNo(
        'privacy_notice',
        t('Privacy notice when recording data', '记录信息时告知隐私条款', '記錄資料時告知隱私條款'),
        1,
        {
          naAllowed: true,
        },
      ),
    ],
  },
  {
    id: 'closing',
    title: t('Closing', '结束语', '結束語'),
    weight: 10,
    criteria: [
      yesNo('summary', t('Summarised the outcome', '总结处理结果', '總結處理結果'), 1),
      yesNo(
        'closing_phrase',
        t('Standard closing, invited the survey', '标准结束语并邀请评价', '標準結束語並邀請評價'),
        1,
      ),
    ],
  },
];

/** Version 2 adds hold etiquette, scored in points. */
const INBOUND_V2: Section[] = INBOUND_V1.map((section) =>
  section.id !== 'resolution'
    ? section
    : {
        ...section,
        criteria: [
          ...section.criteria,
          {
            id: 'hold_etiquette',
            title: t(
              'Hold etiquette (asked, thanked, under 60 s)',
              '保留礼仪（征询、致谢、60 秒内）',
              '保留禮儀（徵詢、致謝、60 秒內）',
            ),
            weight: 1,
            scale: { type: 'points', max: 10 },
            naAllowed: true,
            critical: 'none',
            commentRequiredBelow: 6,
          },
        ],
      },
);

const COMPLAINT: Section[] = [
  {
    id: 'empathy',
    title: t('Calming and empathy', '安抚与共情', '安撫與共情'),
    weight: 30,
    criteria: [
      yesNo(
        'apology',
        t('Apologised for the inconvenience', '对客户不便致歉', '對客戶不便致歉'),
        1,
      ),
      {
        id: 'empathy',
        title: t('Showed empathy', '表达同理心', '表達同理心'),
        weight: 2,
        scale: { type: 'rating', min: 1, max: 5 },
        naAllowed: false,
        critical: 'none',
        commentRequiredBelow: 3,
      },
    ],
  },
  {
    id: 'investigation',
    title: t('Investigation and record', '核实与记录', '核實與記錄'),
    weight: 40,
    criteria: [
      {
        id: 'record_complete',
        title: t('Complaint record complete', '投诉记录完整', '投訴記錄完整'),
        weight: 3,
        scale: { type: 'points', max: 10 },
        naAllowed: false,
        critical: 'none',
        commentRequiredBelow: 6,
      },
      yesNo(
        'category_correct',
        t('Correct complaint category', '投诉分类准确', '投訴分類準確'),
        2,
        {
          critical: 'section',
        },
      ),
      yesNo('callback_promise', t('Gave a callback time', '告知回复时限', '告知回覆時限'), 1, {
        naAllowed: true,
      }),
    ],
  },
  {
    id: 'compliance',
    title: t('Compliance', '合规', '合規'),
    weight: 30,
    criteria: [
      yesNo('escalation_rules', t('Escalated per the rules', '按规定升级', '按規定升級'), 2, {
        naAllowed: true,
        critical: 'fatal',
      }),
      yesNo('no_blame', t('Did not shift the blame', '未推诿责任', '未推諉責任'), 1),
    ],
  },
];

const OUTBOUND: Section[] = [
  {
    id: 'opening',
    title: t('Opening', '开场', '開場'),
    weight: 20,
    criteria: [
      yesNo(
        'introduce',
        t('Introduced self and company', '自我介绍并说明单位', '自我介紹並說明單位'),
        1,
      ),
      yesNo('purpose', t('Stated the purpose of the call', '说明回访目的', '說明回訪目的'), 1),
    ],
  },
  {
    id: 'survey',
    title: t('Follow-up', '回访内容', '回訪內容'),
    weight: 50,
    criteria: [
      {
        id: 'script_followed',
        title: t('Followed the follow-up script', '按回访话术执行', '按回訪話術執行'),
        weight: 2,
        scale: { type: 'points', max: 5 },
        naAllowed: false,
        critical: 'none',
        commentRequiredBelow: 3,
      },
      yesNo('feedback_recorded', t('Recorded the feedback', '记录客户反馈', '記錄客戶回饋'), 2),
      yesNo(
        'csat_asked',
        t('Asked for the satisfaction score', '询问满意度评分', '詢問滿意度評分'),
        1,
        {
          naAllowed: true,
        },
      ),
    ],
  },
  {
    id: 'closing',
    title: t('Closing', '结束', '結束'),
    weight: 30,
    criteria: [
      yesNo('thanks', t('Thanked the customer', '感谢客户配合', '感謝客戶配合'), 1),
      yesNo(
        'do_not_call',
        t('Respected a do-not-call request', '尊重客户免打扰要求', '尊重客戶免打擾要求'),
        1,
        {
          naAllowed: true,
          critical: 'fatal',
        },
      ),
    ],
  },
];

const COMMENTS_LOW = [
  '多次打断客户陈述，需加强倾听。',
  '告知的资费信息与系统不一致。',
  'Gave the wrong plan price; please re-check the rate card.',
  '未按流程核实即办理业务。',
  'Long silence while searching the knowledge base.',
  '记录缺少客户诉求要点。',
];
const COMMENTS_CRITICAL = [
  '未核实身份即透露账户信息。',
  '通话中出现服务禁语。',
  'Disclosed account details before verifying the caller.',
  '客户明确拒绝后仍继续外呼推销。',
];
const COACHING = [
  '整体表现良好，语速适中，继续保持。',
  '开场标准，建议结束前主动总结处理结果。',
  'Good call control; work on confirming the need before solving.',
  '业务熟练，注意安抚情绪激动的客户。',
  'Friendly tone throughout. Remember the privacy notice.',
  '',
];
const REASONS = [
  '通话 00:42 处已核实客户身份证后四位，录音可查。',
  '客户自行挂断，无法完成结束语。',
  'The customer asked me not to read the privacy notice again.',
  '按知识库最新版本答复，信息无误。',
  '当时系统故障，已按应急流程处理。',
];
const RESOLUTIONS = [
  '复听录音后确认坐席说法属实，予以更正。',
  '部分采纳：身份核实项更正，其余维持原评分。',
  'Listened again: the original score stands.',
  '维持原评分，已与坐席沟通辅导。',
];

interface Staff {
  id: string;
  name: string;
  role: Role;
  team_id: string | null;
}

function asCaller(user: Staff): Caller {
  return {
    userId: user.id,
    role: user.role,
    teamId: user.team_id,
    name: user.name,
    tokenKey: 'seed',
  };
}

/** Realistic answers: mostly good, sometimes weak, rarely a critical failure; comments where needed. */
export function demoAnswers(
  template: { sections: Section[] },
  rng: Rng,
  skill: number,
): EvaluationAnswer[] {
  const answers: EvaluationAnswer[] = [];
  for (const section of template.sections) {
    for (const c of section.criteria) {
      if (c.naAllowed && rng.chance(0.08)) {
        answers.push({ criterionId: c.id, value: null, na: true, comment: null });
        continue;
      }
      let value: number;
      const good = rng.next() < skill;
      switch (c.scale.type) {
        case 'yes_no':
          value =
            c.critical !== 'none' ? (rng.chance(0.025) ? 0 : 1) : good || rng.chance(0.5) ? 1 : 0;
          break;
        case 'rating':
          value = good
            ? rng.int(c.scale.max - 1, c.scale.max)
            : rng.int(c.scale.min, c.scale.max - 1);
          break;
        case 'points':
          value = good
            ? rng.int(Math.ceil(c.scale.max * 0.7), c.scale.max)
            : rng.int(0, c.scale.max);
          break;
      }
      const threshold = c.commentRequiredBelow;
      const needsComment =
        (typeof threshold === 'number' && value < threshold) ||
        (c.critical !== 'none' && value === 0);
      const comment = needsComment
        ? rng.pick(c.critical !== 'none' ? COMMENTS_CRITICAL : COMMENTS_LOW)
        : rng.chance(0.05)
          ? rng.pick(COMMENTS_LOW)
          : null;
      answers.push({ criterionId: c.id, value, na: false, comment });
    }
  }
  return answers;
}

export const EVALUATIONS_TO_SEED = 600;

export function seedQa(services: Services, random: () => number): void {
  const rng = new Rng(random);
  const qa = services.need('qa');
  const { db } = services;
  const staff = db
    .prepare(`SELECT id, name, role, team_id FROM users WHERE active = 1 ORDER BY employee_number`)
    .all() as Staff[];
  const agents = staff.filter((u) => u.role === 'agent');
  const specialists = staff.filter((u) => u.role === 'qa_specialist');
  const supervisorOf = new Map(
    staff.filter((u) => u.role === 'supervisor').map((u) => [u.team_id, u]),
  );
  const end = services.clock().getTime();
  const DAY = 86_400_000;
  const author = specialists[0]!;

  const templates: TemplateRecord[] = [
    {
      id: 'tpl_inbound',
      version: 1,
      name: t('Inbound call quality', '呼入电话质检', '來電品質評核'),
      description: t(
        'Quality of inbound service calls, from greeting to closing.',
        '呼入服务电话从开场到结束的服务质量。',
        '來電服務從開場到結束的服務品質。',
      ),
      status: 'active',
      disputeWindowDays: 7,
      maxDisputes: 2,
      sections: INBOUND_V1,
      createdAt: new Date(end - 150 * DAY).toISOString(),
      createdBy: author.id,
    },
    {
      id: 'tpl_inbound',
      version: 2,
      name: t('Inbound call quality', '呼入电话质检', '來電品質評核'),
      description: t(
        'Quality of inbound service calls; version 2 adds hold etiquette.',
        '呼入服务电话服务质量；第 2 版新增保留礼仪。',
        '來電服務品質；第 2 版新增保留禮儀。',
      ),
      status: 'active',
      disputeWindowDays: 7,
      maxDisputes: 2,
      sections: INBOUND_V2,
      createdAt: new Date(end - 45 * DAY).toISOString(),
      createdBy: author.id,
    },
    {
      id: 'tpl_complaint',
      version: 1,
      name: t('Complaint handling', '投诉处理质检', '投訴處理評核'),
      description: t(
        'How a complaint call was calmed, recorded and escalated.',
        '投诉来电的安抚、记录与升级处理。',
        '投訴來電的安撫、記錄與升級處理。',
      ),
      status: 'active',
      disputeWindowDays: 10,
      maxDisputes: 1,
      sections: COMPLAINT,
      createdAt: new Date(end - 150 * DAY).toISOString(),
      createdBy: author.id,
    },
    {
      id: 'tpl_outbound',
      version: 1,
      name: t('Outbound follow-up', '外呼回访质检', '外撥回訪評核'),
      status: 'active',
      description: t(
        'Follow-up calls after repairs, bill adjustments and installations.',
        '维修、账单调整和新装后的回访电话。',
        '維修、帳單調整和新裝後的回訪電話。',
      ),
      disputeWindowDays: 7,
      maxDisputes: 2,
      sections: OUTBOUND,
      createdAt: new Date(end - 150 * DAY).toISOString(),
      createdBy: author.id,
    },
  ];
  for (const template of templates) {
    const issues = validateTemplate(template);
    if (issues.length)
      throw new Error(`Seed template ${template.id} is invalid: ${JSON.stringify(issues)}`);
    qa.store.insertTemplate(template);
  }
  const v2At = Date.parse(templates[1]!.createdAt);

  // Praise tickets about an agent, to link from some evaluations.
  const praise = new Map<string, string[]>();
  for (const row of db
    .prepare(`SELECT id, assignee_id FROM tickets WHERE kind = 'praise' ORDER BY number`)
    .all() as { id: string; assignee_id: string | null }[]) {
    if (!row.assignee_id) continue;
    praise.set(row.assignee_id, [...(praise.get(row.assignee_id) ?? []), row.id]);
  }
  const skill = new Map(agents.map((a) => [a.id, 0.55 + rng.next() * 0.4]));

  // The calls each agent handled (when the calls area is there), newest last, to evaluate.
  const callsOf = new Map<string, { id: string; direction: string; endedAt: number }[]>();
  const hasCalls = db
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'calls'`)
    .get();
  if (hasCalls) {
    for (const row of db
      .prepare(
        `SELECT id, agent_id, direction, ended_at FROM calls
          WHERE status = 'completed' AND agent_id IS NOT NULL AND ended_at IS NOT NULL
          ORDER BY ended_at, id`,
      )
      .all() as { id: string; agent_id: string; direction: string; ended_at: string }[]) {
      const list = callsOf.get(row.agent_id) ?? [];
      list.push({ id: row.id, direction: row.direction, endedAt: Date.parse(row.ended_at) });
      callsOf.set(row.agent_id, list);
    }
  }
  /** A call of the agent that ended in the two days before `at`, of the template's direction. */
  const callFor = (agentId: string, direction: string, at: number): string | undefined => {
    const candidates = (callsOf.get(agentId) ?? []).filter(
      (c) => c.direction === direction && c.endedAt < at && c.endedAt > at - 2 * DAY,
    );
    return candidates.length ? rng.pick(candidates).id : undefined;
  };

  const plan = Array.from({ length: EVALUATIONS_TO_SEED }, () => ({
    agent: rng.pick(agents),
    age: rng.next() * 90,
    kind: rng.weighted([
      ['tpl_inbound', 6],
      ['tpl_complaint', 2],
      ['tpl_outbound', 2],
    ] as const),
  })).sort((a, b) => b.age - a.age);

  for (const { agent, age, kind } of plan) {
    // Working hours in the center's day (08:00–20:00 China time).
    let at = end - age * DAY;
    const hour = new Date(at).getUTCHours();
    if (hour > 12 && hour < 24) at -= (hour - 12 + rng.int(0, 3)) * 3_600_000;
    if (at >= end) at = end - 3_600_000;
    const supervisor = supervisorOf.get(agent.team_id);
    const evaluator = supervisor && rng.chance(0.3) ? supervisor : rng.pick(specialists);
    const byEvaluator = asCaller(evaluator);
    const template =
      kind === 'tpl_inbound' && at >= v2At ? templates[1]! : templates.find((x) => x.id === kind)!;
    const answers = demoAnswers(template, rng, skill.get(agent.id)!);
    const linked =
      evaluator.role === 'qa_specialist' && rng.chance(0.15)
        ? (praise.get(agent.id) ?? []).slice(0, 1)
        : [];
    const callId = callFor(agent.id, template.id === 'tpl_outbound' ? 'outbound' : 'inbound', at);
    let evaluation = qa.createEvaluation(
      byEvaluator,
      {
        ...(callId ? { callId } : {}),
        templateId: template.id,
        templateVersion: template.version,
        agentId: agent.id,
        answers,
        comment: rng.pick(COACHING),
        linkedTicketIds: linked,
      },
      new Date(at),
    );
    // Recent work is sometimes still a draft.
    if (age < 4 && rng.chance(0.25)) continue;
    at += rng.int(10, 600) * 60_000;
    if (at >= end) continue;
    evaluation = qa.submitEvaluation(byEvaluator, evaluation.id, evaluation.version, new Date(at));
    const byAgent = asCaller(agent);
    if (rng.chance(0.65)) {
      const ackAt = at + rng.int(30, 3 * 24 * 60) * 60_000;
      if (ackAt < end) {
        evaluation = qa.acknowledgeEvaluation(
          byAgent,
          evaluation.id,
          evaluation.version,
          rng.chance(0.2)
            ? { comment: rng.pick(['收到，谢谢指导。', 'Thanks, noted.', '会注意改进。']) }
            : {},
          new Date(ackAt),
        );
        at = ackAt;
      }
    }
    const score = evaluation.score ?? 100;
    if (!rng.chance(score < 80 ? 0.35 : 0.06)) continue;
    // A dispute of the weakest answers, within the window.
    const submittedAt = Date.parse(evaluation.submittedAt!);
    const disputeAt = Math.max(
      at + 3_600_000,
      submittedAt + rng.int(60, (template.disputeWindowDays * 24 - 6) * 60) * 60_000,
    );
    if (disputeAt >= submittedAt + template.disputeWindowDays * DAY) continue;
    if (disputeAt >= end || template.disputeWindowDays === 0) continue;
    const criteria = template.sections.flatMap((s) => s.criteria);
    const weak = evaluation.answers.filter((a) => {
      const c = criteria.find((x) => x.id === a.criterionId)!;
      if (a.na || a.value === null) return false;
      return c.scale.type === 'yes_no' ? a.value === 0 : a.value < (c.scale.max * 4) / 5;
    });
    const items = (weak.length ? weak : evaluation.answers.filter((a) => !a.na))
      .slice(0, 2)
      .map((a) => {
        const c = criteria.find((x) => x.id === a.criterionId)!;
        return {
          criterionId: a.criterionId,
          proposedValue: c.scale.type === 'yes_no' ? 1 : c.scale.max,
          reason: rng.pick(REASONS),
        };
      });
    evaluation = qa.disputeEvaluation(
      byAgent,
      evaluation.id,
      evaluation.version,
      { items },
      new Date(disputeAt),
    );
    const resolveAt = disputeAt + rng.int(120, 3 * 24 * 60) * 60_000;
    if (resolveAt >= end) continue;
    const resolver = supervisor && rng.chance(0.3) ? supervisor : rng.pick(specialists);
    const outcome = rng.weighted([
      ['accepted', 3],
      ['partially_accepted', items.length > 1 ? 2 : 0],
      ['rejected', 3],
    ] as const);
    qa.resolveDispute(
      asCaller(resolver),
      evaluation.id,
      evaluation.disputes[evaluation.disputes.length - 1]!.id,
      evaluation.version,
      {
        outcome,
        comment: rng.pick(RESOLUTIONS),
        ...(outcome === 'partially_accepted'
          ? {
              acceptedItems: [
                { criterionId: items[0]!.criterionId, value: items[0]!.proposedValue },
              ],
            }
          : {}),
      },
      new Date(resolveAt),
    );
  }

  // One calibration session: two QA specialists and the team's supervisor score the same call.
  const agent = agents[0]!;
  const supervisor = supervisorOf.get(agent.team_id)!;
  const at = new Date(end - 2 * DAY);
  const session = qa.createCalibration(
    asCaller(specialists[0]!),
    {
      callId: callFor(agent.id, 'inbound', at.getTime()) ?? 'call_calibration_demo',
      templateId: 'tpl_inbound',
      agentId: agent.id,
      evaluatorIds: [specialists[0]!.id, specialists[1]!.id, supervisor.id],
    },
    at,
  );
  session.evaluations.forEach((entry, i) => {
    const evaluator = staff.find((u) => u.id === entry.evaluatorId)!;
    const evaluation = qa.updateEvaluation(
      asCaller(evaluator),
      entry.evaluationId,
      1,
      { answers: demoAnswers(templates[1]!, rng, 0.8), comment: rng.pick(COACHING) },
      new Date(at.getTime() + (i + 1) * 3_600_000),
    );
    if (i < 2) {
      qa.submitEvaluation(
        asCaller(evaluator),
        evaluation.id,
        evaluation.version,
        new Date(at.getTime() + (i + 2) * 3_600_000),
      );
    }
  });
}
