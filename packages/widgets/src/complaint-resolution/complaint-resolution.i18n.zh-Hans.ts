/** The complaint-resolution strings in zh-Hans: loaded on first use, typed against English (complaint-resolution.i18n.ts). */
import type { Catalog } from '../shared/i18n/types.js';
import type { Strings } from './complaint-resolution.i18n.js';

export default {
  'complaintResolution.title': '投诉处理结果',
  'complaintResolution.verdict': '投诉定性',
  'complaintResolution.justified': '有效投诉',
  'complaintResolution.unjustified': '无效投诉',
  'complaintResolution.finding': '调查结论',
  'complaintResolution.decided': (p) => `${p.by} 于 ${p.date} 定性`,
  'complaintResolution.noVerdict': '尚未定性。',
  'complaintResolution.recordVerdict': '提交定性',
  'complaintResolution.reviseVerdict': '修改定性',
  'complaintResolution.pickVerdict': '请选择是否为有效投诉。',
  'complaintResolution.needFinding': '请填写调查结论。',
  'complaintResolution.verdictRecorded': (p) => `投诉定性已记录：${p.verdict}。`,
  'complaintResolution.outcome': '回访结果',
  'complaintResolution.o.satisfied': '已联系上，客户满意',
  'complaintResolution.o.partially_satisfied': '已联系上，客户基本满意',
  'complaintResolution.o.unsatisfied': '已联系上，客户不满意',
  'complaintResolution.o.unreachable': '未能联系上客户',
  'complaintResolution.note': '回访备注（选填）',
  'complaintResolution.called': (p) => `${p.by} 于 ${p.date} 回访`,
  'complaintResolution.noCallback': '尚未记录回访。',
  'complaintResolution.recordCallback': '提交回访结果',
  'complaintResolution.pickOutcome': '请选择回访结果。',
  'complaintResolution.callbackRecorded': (p) => `回访结果已记录：${p.outcome}。`,
  'complaintResolution.invalid': '此项内容未通过校验，请检查后重试。',
  'complaintResolution.conflict':
    '您填写期间，其他人修改了这张投诉工单。工单已重新加载，您填写的内容已保留，请核对后再次提交。',
  'complaintResolution.closed': '该投诉已关闭，处理结果不能再修改。',
} satisfies Catalog<Strings>;
