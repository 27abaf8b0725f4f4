// The demo portal: a plain page that embeds the kit the simplest way (dist/cc-widgets.js) and
// signs in with the reference server's demo tokens. No inline script or style: strict-CSP safe.
import {
  createClient,
  describeError,
  errorText,
  sharedCatalog,
  translate,
} from './dist/cc-widgets.js';

/** The portal's own strings (the widgets bring theirs). */
const TEXT = {
  en: {
    title: 'Contact Center Portal',
    skip: 'Skip to content',
    role: 'Role',
    language: 'Language',
    theme: 'Theme',
    activity: 'Recent activity on this page',
    footer:
      'Demo data from the reference server. The widgets are the cc-kit bundle (dist/cc-widgets.js) on a plain HTML page.',
    'theme.light': 'Light',
    'theme.dark': 'Dark',
    'theme.auto': 'Follow system',
    signingIn: 'Signing in…',
    signedIn: (name, role, team) => `Signed in as ${name} (${role}${team ? `, ${team}` : ''}).`,
    signInFailed: 'Could not sign in with a demo token:',
    coming: 'Coming soon',
    comingText: (name) =>
      `The ${name} widget is not part of this build yet. It will appear here, connected to the same provider, as soon as it ships.`,
    'widget.complaint-form': 'complaint form',
    'widget.ticket-queue': 'ticket queue',
    'widget.qa-scorecard': 'QA scorecard',
    'widget.kpi-tiles': 'KPI tiles',
    'widget.equipment-checklist': 'equipment checklist',
    'event.cc-ticket-select': (e) => `Ticket ${e.ticketId ?? ''} opened.`,
    'event.cc-complaint-submitted': (e) =>
      `Complaint filed as ticket #${e.number ?? ''}; the queue is refreshed.`,
    'event.cc-ticket-transitioned': (e) => `Ticket #${e.ticket?.number ?? ''} changed state.`,
    'event.cc-ticket-assigned': (e) => `Ticket #${e.ticket?.number ?? ''} assigned.`,
    'event.cc-complaint-verdict-record': (e) =>
      `Verdict recorded on complaint #${e.ticket?.number ?? ''}.`,
    'event.cc-complaint-callback-record': (e) =>
      `Customer callback recorded on complaint #${e.ticket?.number ?? ''}.`,
    'event.cc-error': (e) => `A widget reported an error (${e.code}).`,
    'event.cc-kpi-select': (e, name) => `Figure chosen: ${name} (${e.period}).`,
    'event.cc-auth-error': () => 'Sign-in expired; switch role to sign in again.',
    'event.cc-check-submitted': (e) => {
      const n = new Set(e.check?.items.map((i) => i.workOrderId).filter(Boolean)).size;
      return `Equipment check submitted: ${n} maintenance work order${n === 1 ? '' : 's'} opened; the queue is refreshed.`;
    },
    'event.cc-workorder-select': (e) => `Maintenance work order #${e.number ?? ''} chosen.`,
    'event.cc-evaluation-saved': () => 'QA evaluation draft saved.',
    'event.cc-evaluation-submitted': (e) =>
      `QA evaluation submitted, score ${e.evaluation?.score ?? '—'}.`,
    'event.cc-evaluation-acknowledged': () => 'QA evaluation acknowledged.',
    'event.cc-dispute-submitted': () => 'Dispute sent; a QA review request is open in the queue.',
    'event.cc-dispute-resolved': () => 'Dispute resolved; its QA review request is closed.',
    'event.review-opened': () => 'The disputed evaluation is open in the QA scorecard for review.',
    evalTitle: 'Start an evaluation',
    evalAgent: 'Agent',
    evalCall: 'Call',
    evalTemplate: 'Scorecard',
    evalStart: 'Use this call',
    evalNoCalls: 'No calls',
    evalCallLabel: (when, queue, seconds) => `${when} · ${queue} · ${seconds} s talk time`,
    'event.evaluation-started': (agent) => `New evaluation of ${agent} started.`,
    'page.agent': [
      'My desk',
      'Take complaints during the call, work your tickets, and see your own QA evaluations.',
    ],
    'page.supervisor': [
      'Team overview',
      "Your team's live figures and service level, its tickets, coaching and equipment.",
    ],
    'page.complaint_supervisor': [
      'Complaints',
      'Intake, routing to handling departments, escalations, and complaint figures.',
    ],
    'page.qa_specialist': [
      'Quality',
      'Evaluate calls, review disputes and QA review requests, watch QA averages.',
    ],
    'page.operations_manager': [
      'Operations',
      'The whole center: targets, tickets and equipment integrity.',
    ],
  },
  'zh-Hans': {
    title: '客服中心门户',
    skip: '跳到正文',
    role: '角色',
    language: '语言',
    theme: '主题',
    activity: '本页最近动态',
    footer:
      '演示数据来自参考服务器。组件为纯 HTML 页面中引入的 cc-kit 打包文件（dist/cc-widgets.js）。',
    'theme.light': '浅色',
    'theme.dark': '深色',
    'theme.auto': '跟随系统',
    signingIn: '正在登录…',
    signedIn: (name, role, team) => `当前登录：${name}（${role}${team ? `，${team}` : ''}）`,
    signInFailed: '无法使用演示令牌登录：',
    coming: '即将上线',
    comingText: (name) =>
      `${name}组件尚未包含在本次构建中。上线后将直接显示在这里，并使用同一个 provider。`,
    'widget.complaint-form': '投诉登记',
    'widget.ticket-queue': '工单列表',
    'widget.qa-scorecard': '质检评分表',
    'widget.kpi-tiles': '指标看板',
    'widget.equipment-checklist': '设备巡检',
    'event.cc-ticket-select': (e) => `已打开工单 ${e.ticketId ?? ''}。`,
    'event.cc-complaint-submitted': (e) =>
      `投诉已登记（工单 #${e.number ?? ''}），工单列表已刷新。`,
    'event.cc-ticket-transitioned': (e) => `工单 #${e.ticket?.number ?? ''} 状态已变更。`,
    'event.cc-ticket-assigned': (e) => `工单 #${e.ticket?.number ?? ''} 已分派。`,
    'event.cc-complaint-verdict-record': (e) => `投诉工单 #${e.ticket?.number ?? ''} 已记录定性。`,
    'event.cc-complaint-callback-record': (e) =>
      `投诉工单 #${e.ticket?.number ?? ''} 已记录客户回访。`,
    'event.cc-error': (e) => `组件报告了错误（${e.code}）。`,
    'event.cc-kpi-select': (e, name) => `已选择指标：${name}。`,
    'event.cc-auth-error': () => '登录已过期，请切换角色重新登录。',
    'event.cc-check-submitted': (e) =>
      `设备巡检已提交，已创建 ${new Set(e.check?.items.map((i) => i.workOrderId).filter(Boolean)).size} 张维修工单，工单列表已刷新。`,
    'event.cc-workorder-select': (e) => `已选择维修工单 #${e.number ?? ''}。`,
    'event.cc-evaluation-saved': () => '质检评估草稿已保存。',
    'event.cc-evaluation-submitted': (e) => `质检评估已提交，得分 ${e.evaluation?.score ?? '—'}。`,
    'event.cc-evaluation-acknowledged': () => '质检评估已确认。',
    'event.cc-dispute-submitted': () => '申诉已提交，工单列表中已生成复核申请。',
    'event.cc-dispute-resolved': () => '申诉已处理，对应的复核申请已关闭。',
    'event.review-opened': () => '被申诉的质检评估已在质检评分表中打开，可进行复核。',
    evalTitle: '新建质检评估',
    evalAgent: '客服专员',
    evalCall: '通话',
    evalTemplate: '评分表',
    evalStart: '选用此通话',
    evalNoCalls: '没有通话',
    evalCallLabel: (when, queue, seconds) => `${when} · ${queue} · 通话 ${seconds} 秒`,
    'event.evaluation-started': (agent) => `已开始对 ${agent} 的质检评估。`,
    'page.agent': ['我的工作台', '通话中登记投诉，处理自己的工单，查看自己的质检评估。'],
    'page.supervisor': ['班组概览', '本组实时指标与服务水平、工单、辅导与设备。'],
    'page.complaint_supervisor': ['投诉管理', '投诉受理、分派处理部门、升级处理与投诉指标。'],
    'page.qa_specialist': ['质检', '评估通话，处理申诉和复核申请，关注质检平均分。'],
    'page.operations_manager': ['运营总览', '全中心的目标、工单与设备完好情况。'],
  },
  'zh-Hant': {
    title: '客服中心入口網站',
    skip: '跳至主要內容',
    role: '角色',
    language: '語言',
    theme: '佈景主題',
    activity: '本頁最近動態',
    footer:
      '示範資料來自參考伺服器。元件為純 HTML 頁面載入的 cc-kit 套件檔（dist/cc-widgets.js）。',
    'theme.light': '淺色',
    'theme.dark': '深色',
    'theme.auto': '跟隨系統',
    signingIn: '登入中…',
    signedIn: (name, role, team) => `目前登入：${name}（${role}${team ? `，${team}` : ''}）`,
    signInFailed: '無法使用示範權杖登入：',
    coming: '即將推出',
    comingText: (name) =>
      `${name}元件尚未包含在本次建置中。推出後會直接顯示在這裡，並使用同一個 provider。`,
    'widget.complaint-form': '投訴登錄',
    'widget.ticket-queue': '工單列表',
    'widget.qa-scorecard': '品管評分表',
    'widget.kpi-tiles': '指標看板',
    'widget.equipment-checklist': '設備點檢',
    'event.cc-ticket-select': (e) => `已開啟工單 ${e.ticketId ?? ''}。`,
    'event.cc-complaint-submitted': (e) =>
      `投訴已登錄（工單 #${e.number ?? ''}），工單列表已重新整理。`,
    'event.cc-ticket-transitioned': (e) => `工單 #${e.ticket?.number ?? ''} 狀態已變更。`,
    'event.cc-ticket-assigned': (e) => `工單 #${e.ticket?.number ?? ''} 已指派。`,
    'event.cc-complaint-verdict-record': (e) => `客訴工單 #${e.ticket?.number ?? ''} 已登錄判定。`,
    'event.cc-complaint-callback-record': (e) =>
      `客訴工單 #${e.ticket?.number ?? ''} 已登錄客戶回電。`,
    'event.cc-error': (e) => `元件回報了錯誤（${e.code}）。`,
    'event.cc-kpi-select': (e, name) => `已選擇指標：${name}。`,
    'event.cc-auth-error': () => '登入已逾時，請切換角色重新登入。',
    'event.cc-check-submitted': (e) =>
      `設備點檢已送出，已開立 ${new Set(e.check?.items.map((i) => i.workOrderId).filter(Boolean)).size} 張維修工單，工單列表已重新整理。`,
    'event.cc-workorder-select': (e) => `已選擇維修工單 #${e.number ?? ''}。`,
    'event.cc-evaluation-saved': () => '評核草稿已儲存。',
    'event.cc-evaluation-submitted': (e) => `評核已送出，得分 ${e.evaluation?.score ?? '—'}。`,
    'event.cc-evaluation-acknowledged': () => '評核已確認。',
    'event.cc-dispute-submitted': () => '申訴已送出，工單列表中已開立複核申請。',
    'event.cc-dispute-resolved': () => '申訴已處理，對應的複核申請已結案。',
    'event.review-opened': () => '被申訴的評核已在品管評分表中開啟，可進行複核。',
    evalTitle: '新增評核',
    evalAgent: '客服專員',
    evalCall: '通話',
    evalTemplate: '評分表',
    evalStart: '選用此通話',
    evalNoCalls: '沒有通話',
    evalCallLabel: (when, queue, seconds) => `${when} · ${queue} · 通話 ${seconds} 秒`,
    'event.evaluation-started': (agent) => `已開始對 ${agent} 的評核。`,
    'page.agent': ['我的工作台', '通話中登錄投訴、處理自己的工單、查看自己的評核結果。'],
    'page.supervisor': ['小組總覽', '本組即時指標與服務水準、工單、輔導與設備。'],
    'page.complaint_supervisor': ['客訴管理', '投訴受理、分派處理部門、升級處理與投訴指標。'],
    'page.qa_specialist': ['品管', '評核通話、處理申訴與複核申請、掌握品管平均分數。'],
    'page.operations_manager': ['營運總覽', '全中心的目標、工單與設備完整性。'],
  },
};

/** Role labels come from the kit's own catalog (same words as the widgets). */
const ROLE_LABEL = {
  en: {
    agent: 'Agent',
    supervisor: 'Team supervisor',
    complaint_supervisor: 'Complaint supervisor',
    qa_specialist: 'QA specialist',
    operations_manager: 'Operations manager',
  },
  'zh-Hans': {
    agent: '客服专员',
    supervisor: '班组长',
    complaint_supervisor: '投诉主管',
    qa_specialist: '质检专员',
    operations_manager: '运营经理',
  },
  'zh-Hant': {
    agent: '客服專員',
    supervisor: '組長',
    complaint_supervisor: '客訴主管',
    qa_specialist: '品管專員',
    operations_manager: '營運經理',
  },
};

/** Which widgets each role lives in (shared/domain.md), in page order. */
const PAGES = {
  agent: ['complaint-form', 'ticket-queue', 'qa-scorecard'],
  supervisor: ['kpi-tiles', 'ticket-queue', 'qa-scorecard', 'equipment-checklist'],
  complaint_supervisor: ['complaint-form', 'ticket-queue', 'kpi-tiles'],
  qa_specialist: ['qa-scorecard', 'ticket-queue', 'kpi-tiles'],
  operations_manager: ['kpi-tiles', 'ticket-queue', 'equipment-checklist'],
};

const ROLES = Object.keys(PAGES);
const THEMES = ['light', 'dark', 'auto'];
const stored = (key, allowed, fallback) => {
  const value =
    new URLSearchParams(location.search).get(key) ?? localStorage.getItem(`cc-portal.${key}`);
  return allowed.includes(value) ? value : fallback;
};

/** Read in boot(), in a task of its own: the first read of localStorage can take a while. */
const state = { role: 'agent', locale: 'en', theme: 'light' };

/**
 * Lets the browser paint and answer input between steps of the page's first render, so no step
 * is a long task (the kit's own start-up is the task before the first step).
 */
const nextTask = () =>
  globalThis.scheduler?.yield
    ? globalThis.scheduler.yield()
    : new Promise((resolve) => setTimeout(resolve));

const $ = (id) => document.getElementById(id);
const provider = $('kit');
const text = (key, ...args) => {
  const value = TEXT[state.locale][key] ?? TEXT.en[key];
  return typeof value === 'function' ? value(...args) : value;
};

// Tokens are fetched from the demo endpoint, never put in attributes or URLs.
const anonymous = createClient({ baseUrl: location.origin });
function tokenFor(role) {
  return async () => {
    const grant = await anonymous.demo.token({ role });
    return { token: grant.token, expiresAt: grant.expiresAt };
  };
}

function option(value, label) {
  const el = document.createElement('option');
  el.value = value;
  el.textContent = label;
  return el;
}

function renderSwitchers() {
  $('role').replaceChildren(...ROLES.map((r) => option(r, ROLE_LABEL[state.locale][r])));
  $('theme').replaceChildren(...THEMES.map((t) => option(t, text(`theme.${t}`))));
  $('role').value = state.role;
  $('locale').value = state.locale;
  $('theme').value = state.theme;
  for (const el of document.querySelectorAll('[data-text]')) el.textContent = text(el.dataset.text);
  document.title = text('title');
  for (const label of relabel) label();
}

function comingCard(name) {
  const card = document.createElement('section');
  card.className = 'widget-card coming';
  card.setAttribute('aria-labelledby', `coming-${name}`);
  const title = document.createElement('h2');
  title.id = `coming-${name}`;
  title.textContent = `${text(`widget.${name}`)} · ${text('coming')}`;
  const body = document.createElement('p');
  body.textContent = text('comingText', text(`widget.${name}`));
  card.append(title, body);
  return card;
}

/** Option labels that depend on the page's language, relabelled when it changes. */
let relabel = [];

function labelled(key, control) {
  const label = document.createElement('label');
  const span = document.createElement('span');
  span.dataset.text = key;
  span.textContent = text(key);
  label.append(span, control);
  return label;
}

/**
 * The host step `<cc-qa-scorecard>` leaves to the page: an agent (staff list), one of that agent's
 * recent calls (calls list) and a scorecard template (QA templates list). Starting sets
 * `agent-id`, `call-id` and `template-id` on the scorecard, which then opens a new evaluation.
 */
function evaluationForm(scorecard) {
  const client = () => provider.resolvedClient;
  const form = document.createElement('form');
  form.className = 'evaluation-form';
  const title = document.createElement('h2');
  title.dataset.text = 'evalTitle';
  title.textContent = text('evalTitle');
  const agent = document.createElement('select');
  agent.name = 'agent';
  agent.required = true;
  const call = document.createElement('select');
  call.name = 'call';
  call.required = true;
  const template = document.createElement('select');
  template.name = 'template';
  template.required = true;
  const start = document.createElement('button');
  start.type = 'submit';
  start.dataset.text = 'evalStart';
  start.textContent = text('evalStart');
  form.append(
    title,
    labelled('evalAgent', agent),
    labelled('evalCall', call),
    labelled('evalTemplate', template),
    start,
  );

  const fail = (error) => log(errorText(provider, describeError(error)));
  let callsFor = 0;
  async function loadCalls() {
    const attempt = ++callsFor;
    call.replaceChildren();
    if (!agent.value) return;
    try {
      const page = await client().calls.list({ agentId: agent.value, limit: 20 });
      if (attempt !== callsFor) return;
      const options = page.items.map((c) => {
        const el = option(c.id, '');
        const label = () => {
          el.textContent = text(
            'evalCallLabel',
            new Date(c.offeredAt).toLocaleString(state.locale),
            c.queue,
            c.talkSeconds,
          );
        };
        label();
        relabel.push(label);
        return el;
      });
      if (!options.length) {
        const none = option('', text('evalNoCalls'));
        relabel.push(() => (none.textContent = text('evalNoCalls')));
        options.push(none);
      }
      call.replaceChildren(...options);
    } catch (error) {
      fail(error);
    }
  }
  agent.addEventListener('change', () => void loadCalls());

  void provider.updateComplete
    .then(() =>
      Promise.all([
        client().agents.list({ role: 'agent', limit: 100 }),
        client().qa.templates.list({ status: 'active' }),
      ]),
    )
    .then(([agents, templates]) => {
      agent.replaceChildren(...agents.items.map((u) => option(u.id, u.displayName ?? u.name)));
      template.replaceChildren(
        ...templates.items.map((t) => {
          const el = option(t.id, localName(t.name));
          relabel.push(() => (el.textContent = localName(t.name)));
          return el;
        }),
      );
      return loadCalls();
    }, fail);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!agent.value || !call.value || !template.value) return;
    scorecard.removeAttribute('evaluation-id');
    scorecard.setAttribute('agent-id', agent.value);
    scorecard.setAttribute('call-id', call.value);
    scorecard.setAttribute('template-id', template.value);
    log(text('event.evaluation-started', agent.selectedOptions[0]?.textContent ?? agent.value));
  });
  return form;
}

let rendering = 0;

/**
 * Lays out the role's cards at once (each keeps its widget's space: portal.css), then starts one
 * widget per task: a widget's first render never shares a task with the others'.
 */
async function renderWidgets() {
  const attempt = ++rendering;
  relabel = [];
  const start = [];
  const cards = PAGES[state.role].flatMap((name) => {
    const tag = `cc-${name}`;
    if (!customElements.get(tag)) return comingCard(name);
    const card = document.createElement('section');
    card.className = 'widget-card';
    card.dataset.widget = name;
    card.setAttribute('aria-label', text(`widget.${name}`));
    const widget = document.createElement(tag);
    // The complaint form keeps one draft per page (and per signed-in user).
    if (name === 'complaint-form') widget.setAttribute('draft-key', 'portal');
    start.push(() => card.append(widget));
    // The QA specialist chooses the agent's call and the scorecard for a new evaluation: the
    // portal's own panel beside the card (a widget card holds only the widget).
    if (name === 'qa-scorecard' && state.role === 'qa_specialist') {
      const panel = document.createElement('section');
      panel.className = 'portal-panel';
      panel.append(evaluationForm(widget));
      return [panel, card];
    }
    return card;
  });
  $('widgets').dataset.role = state.role;
  $('widgets').replaceChildren(...cards);
  for (const append of start) {
    await nextTask();
    if (attempt !== rendering) return;
    append();
  }
}

function renderPage() {
  const [title, lead] = text(`page.${state.role}`);
  $('page-title').textContent = title;
  $('page-lead').textContent = lead;
}

/** A LocalizedText in the page's language (English when the language is missing). */
const localName = (name) => name?.[state.locale] ?? name?.en ?? '';

let signIn = 0;
async function showSignedIn() {
  const attempt = ++signIn;
  const line = $('signed-in');
  line.textContent = text('signingIn');
  try {
    await provider.updateComplete;
    const client = provider.resolvedClient;
    const me = await client.me.get();
    // `Me` names the team by id only: its name (in the page's language) comes from the teams API.
    const team = me.teamId
      ? await client.teams
          .get(me.teamId)
          .then((t) => localName(t.name))
          .catch(() => '')
      : '';
    if (attempt !== signIn) return;
    const user = me.user ?? me;
    line.textContent = text(
      'signedIn',
      user.name ?? user.displayName ?? user.id,
      ROLE_LABEL[state.locale][user.role ?? state.role] ?? state.role,
      team,
    );
  } catch (error) {
    if (attempt !== signIn) return;
    line.textContent = `${text('signInFailed')} ${errorText(provider, describeError(error))}`;
  }
}

function log(message) {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString(state.locale)} · ${message}`;
  $('activity').prepend(item);
  while ($('activity').children.length > 8) $('activity').lastElementChild.remove();
}

function apply({ role = false } = {}) {
  localStorage.setItem('cc-portal.role', state.role);
  localStorage.setItem('cc-portal.locale', state.locale);
  localStorage.setItem('cc-portal.theme', state.theme);
  document.documentElement.lang = state.locale;
  document.documentElement.dataset.theme = state.theme;
  provider.locale = state.locale;
  provider.theme = state.theme;
  if (role || !provider.getToken) {
    provider.baseUrl = location.origin;
    provider.getToken = tokenFor(state.role);
  }
  renderSwitchers();
  renderPage();
  if (role || !$('widgets').childElementCount) void renderWidgets();
  // The page is shown once laid out (portal.css): no shift from the first paint.
  document.documentElement.dataset.portalReady = '';
  void showSignedIn();
}

/** A KPI tile's name in the page's language, from the kit's own catalog (the tiles' words). */
function kpiName(event) {
  const key = event.metric.startsWith('calls_in')
    ? 'kpi.live.callsInQueue'
    : event.metric === 'longest_wait'
      ? 'kpi.live.longestWait'
      : event.metric === 'agents_available'
        ? 'kpi.live.agentsAvailable'
        : `kpi.metric.${event.metric}`;
  return translate(sharedCatalog, state.locale, undefined, key);
}

// Events between widgets: the page wires them, the widgets never know each other.
for (const type of [
  'cc-ticket-select',
  'cc-ticket-transitioned',
  'cc-ticket-assigned',
  'cc-complaint-verdict-record',
  'cc-complaint-callback-record',
  'cc-complaint-submitted',
  'cc-kpi-select',
  'cc-error',
  'cc-auth-error',
]) {
  provider.addEventListener(type, (event) => {
    log(text(`event.${type}`, event, type === 'cc-kpi-select' ? kpiName(event) : undefined));
    if (type === 'cc-complaint-submitted') {
      for (const queue of document.querySelectorAll('cc-ticket-queue')) queue.refresh?.();
    }
  });
}

/**
 * Opens a ticket in the page's queue detail. The queue's public `open(ticket)` takes the ticket
 * itself, so it is fetched first: a new work order is usually not on the loaded page.
 */
async function openTicket(ticketId) {
  const queue = document.querySelector('cc-ticket-queue');
  if (!queue || !ticketId) return;
  try {
    queue.open(await provider.resolvedClient.tickets.get(ticketId));
  } catch (error) {
    log(errorText(provider, describeError(error)));
  }
}

// QA and equipment events: logged; those that open or close tickets refresh the queue, those that
// change a score refresh the KPI tiles (the QA average), and a chosen maintenance work order is
// opened in the queue's detail.
for (const type of [
  'cc-evaluation-saved',
  'cc-evaluation-submitted',
  'cc-evaluation-acknowledged',
  'cc-dispute-submitted',
  'cc-dispute-resolved',
  'cc-check-submitted',
  'cc-workorder-select',
]) {
  provider.addEventListener(type, (event) => {
    log(text(`event.${type}`, event));
    if (type === 'cc-workorder-select') void openTicket(event.ticketId);
    else if (type.startsWith('cc-dispute') || type === 'cc-check-submitted') {
      for (const queue of document.querySelectorAll('cc-ticket-queue')) queue.refresh?.();
    }
    if (type === 'cc-evaluation-submitted' || type === 'cc-dispute-resolved') {
      for (const tiles of document.querySelectorAll('cc-kpi-tiles')) tiles.refresh?.();
    }
  });
}

// A QA review request chosen in the queue opens the disputed evaluation in the page's scorecard,
// where the reviewer decides on the dispute.
provider.addEventListener('cc-ticket-select', (event) => {
  const { kind, evaluationId } = event.ticket ?? {};
  const scorecard = document.querySelector('cc-qa-scorecard');
  if (kind !== 'qa_review_request' || !evaluationId || !scorecard) return;
  if (scorecard.evaluationId === evaluationId) void scorecard.refresh?.();
  else scorecard.evaluationId = evaluationId;
  log(text('event.review-opened'));
});

$('switchers').addEventListener('change', (event) => {
  const { name, value } = event.target;
  state[name] = value;
  apply({ role: name === 'role' });
});
$('switchers').addEventListener('submit', (event) => event.preventDefault());

async function boot() {
  await nextTask();
  state.role = stored('role', ROLES, 'agent');
  state.locale = stored('locale', ['en', 'zh-Hans', 'zh-Hant'], 'en');
  state.theme = stored('theme', THEMES, 'light');
  apply({ role: true });
}

void boot();
