// Angular: CUSTOM_ELEMENTS_SCHEMA lets the template use the kit's tags; `[getToken]` binds a
// property (the provider needs a function, never an attribute) and `(cc-ticket-select)` listens to
// the kit's event. The component is compiled just in time (`@angular/compiler` loaded first), so
// this example builds with esbuild alone; in an Angular CLI project the component is the same.
//
// Two desks, chosen with `?role=`: the agent files complaints and works their queue; the complaint
// supervisor works the complaints queue (its detail routes and escalates). The template wires the
// widgets together: a filed complaint refreshes the queue beside the form (`#queue`).
import '@angular/compiler';
import {
  CUSTOM_ELEMENTS_SCHEMA,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  signal,
} from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { createClient, type GetToken } from '@cc-kit/sdk';
import type { CcProvider, CcTicketSelectEvent } from '@cc-kit/widgets';
import '@cc-kit/widgets/define/cc-complaint-form.js';
import '@cc-kit/widgets/define/cc-provider.js';
import '@cc-kit/widgets/define/cc-ticket-queue.js';

const ROLES = ['agent', 'complaint_supervisor'] as const;
const LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const;
type Role = (typeof ROLES)[number];

const params = new URLSearchParams(location.search);
const api = params.get('api') ?? location.origin;
const anonymous = createClient({ baseUrl: api });

/** The page's own words; the widgets bring theirs. */
const TEXT = {
  en: { agent: 'My desk', complaint_supervisor: 'Complaints', desks: 'Desks', out: 'Signed out' },
  'zh-Hans': {
    agent: '我的工作台',
    complaint_supervisor: '投诉管理',
    desks: '工作台',
    out: '已退出登录',
  },
  'zh-Hant': {
    agent: '我的工作台',
    complaint_supervisor: '客訴管理',
    desks: '工作台',
    out: '已登出',
  },
};

@Component({
  selector: 'app-desk',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<cc-provider
    [attr.base-url]="api"
    [getToken]="getToken"
    [locale]="locale"
    (cc-auth-error)="who.set(text.out)"
  >
    <header>
      <h1>{{ text[role] }}</h1>
      <p id="who">{{ who() }}</p>
      <nav [attr.aria-label]="text.desks">
        <ul>
          @for (desk of roles; track desk) {
            <li>
              <a [href]="deskUrl(desk)" [attr.aria-current]="desk === role ? 'page' : null">{{
                text[desk]
              }}</a>
            </li>
          }
        </ul>
      </nav>
    </header>
    @if (role === 'agent') {
      <cc-complaint-form
        draft-key="angular-desk"
        (cc-complaint-submitted)="queue.refresh()"
      ></cc-complaint-form>
    }
    <p id="selected">{{ selected() }}</p>
    <cc-ticket-queue #queue (cc-ticket-select)="open($event)"></cc-ticket-queue>
  </cc-provider>`,
})
class DeskComponent {
  readonly api = api;
  readonly roles = ROLES;
  readonly role: Role = ROLES.find((r) => r === params.get('role')) ?? 'agent';
  readonly locale = LOCALES.find((l) => l === params.get('locale')) ?? 'zh-Hant';
  readonly text = TEXT[this.locale];
  readonly who = signal('…');
  readonly selected = signal('');
  // Demo tokens from the reference server, per role; a real host asks its own sign-in.
  readonly getToken: GetToken = async () => {
    const grant = await anonymous.demo.token({ role: this.role });
    return { token: grant.token, expiresAt: grant.expiresAt };
  };
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  constructor() {
    document.documentElement.lang = this.locale;
    afterNextRender(() => void this.signIn());
  }

  open(event: Event): void {
    this.selected.set((event as CcTicketSelectEvent).ticketId);
  }

  /** The same page for another desk. */
  deskUrl(desk: Role): string {
    const next = new URLSearchParams(params);
    next.set('role', desk);
    return `?${next}`;
  }

  /** Shows who the provider signed in as (the page is ready once that is on screen). */
  private async signIn(): Promise<void> {
    const provider = this.host.nativeElement.querySelector('cc-provider') as CcProvider;
    await provider.updateComplete;
    const me = await provider.resolvedClient!.me.get();
    this.who.set(me.user.name);
    afterNextRender(() => (document.body.dataset.ready = 'true'), { injector: this.injector });
  }
}

await bootstrapApplication(DeskComponent);
