// Angular: CUSTOM_ELEMENTS_SCHEMA lets the template use the kit's tags; `[getToken]` binds a
// property (the provider needs a function, never an attribute) and `(cc-ticket-select)` listens to
// the kit's event. The component is compiled just in time (`@angular/compiler` loaded first), so
// this example builds with esbuild alone; in an Angular CLI project the component is the same.
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
import '@cc-kit/widgets/define/cc-provider.js';
import '@cc-kit/widgets/define/cc-ticket-queue.js';

const api = new URLSearchParams(location.search).get('api') ?? location.origin;
const anonymous = createClient({ baseUrl: api });

@Component({
  selector: 'app-desk',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<cc-provider
    [attr.base-url]="api"
    [getToken]="getToken"
    locale="zh-Hant"
    (cc-auth-error)="who.set('Signed out')"
  >
    <p id="who">{{ who() }}</p>
    <p id="selected">{{ selected() }}</p>
    <cc-ticket-queue (cc-ticket-select)="open($event)"></cc-ticket-queue>
  </cc-provider>`,
})
class DeskComponent {
  readonly api = api;
  readonly who = signal('…');
  readonly selected = signal('');
  readonly getToken: GetToken = async () =>
    (await anonymous.demo.token({ role: 'supervisor' })).token;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  constructor() {
    afterNextRender(() => void this.signIn());
  }

  open(event: Event): void {
    this.selected.set((event as CcTicketSelectEvent).ticketId);
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
