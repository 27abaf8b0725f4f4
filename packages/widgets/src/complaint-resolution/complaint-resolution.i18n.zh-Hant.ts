/** The complaint-resolution strings in zh-Hant: loaded on first use, typed against English (complaint-resolution.i18n.ts). */
import type { Catalog } from '../shared/i18n/types.js';
import type { Strings } from './complaint-resolution.i18n.js';

export default {
  'complaintResolution.title': '客訴處理結果',
  'complaintResolution.verdict': '客訴判定',
  'complaintResolution.justified': '有理投訴',
  'complaintResolution.unjustified': '非有理投訴',
  'complaintResolution.finding': '調查結論',
  'complaintResolution.decided': (p) => `${p.by} 於 ${p.date} 判定`,
  'complaintResolution.noVerdict': '尚未判定。',
  'complaintResolution.recordVerdict': '送出判定',
  'complaintResolution.reviseVerdict': '修改判定',
  'complaintResolution.pickVerdict': '請選擇是否為有理投訴。',
  'complaintResolution.needFinding': '請填寫調查結論。',
  'complaintResolution.verdictRecorded': (p) => `客訴判定已登錄：${p.verdict}。`,
  'complaintResolution.outcome': '回電結果',
  'complaintResolution.o.satisfied': '已聯絡上，客戶滿意',
  'complaintResolution.o.partially_satisfied': '已聯絡上，客戶部分滿意',
  'complaintResolution.o.unsatisfied': '已聯絡上，客戶不滿意',
  'complaintResolution.o.unreachable': '未能聯絡上客戶',
  'complaintResolution.note': '回電備註（選填）',
  'complaintResolution.called': (p) => `${p.by} 於 ${p.date} 回電`,
  'complaintResolution.noCallback': '尚未登錄回電。',
  'complaintResolution.recordCallback': '送出回電結果',
  'complaintResolution.pickOutcome': '請選擇回電結果。',
  'complaintResolution.callbackRecorded': (p) => `回電結果已登錄：${p.outcome}。`,
  'complaintResolution.invalid': '此欄內容未通過檢核，請確認後再試一次。',
  'complaintResolution.conflict':
    '您填寫期間，其他人修改了這張客訴工單。工單已重新載入，您填寫的內容已保留，請確認後再次送出。',
  'complaintResolution.closed': '此客訴已結案，處理結果無法再修改。',
} satisfies Catalog<Strings>;
