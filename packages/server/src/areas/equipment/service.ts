/**
 * Equipment: seats, assets and equipment checks. Who sees what (an agent their own seat, a
 * supervisor their team, the operations manager everything), checks from draft to submitted, the
 * maintenance work order each finding opens (through the ticket service, in the same
 * transaction), the asset fixed when that work order is resolved, and due dates by team cadence.
 */
import {
  DUE_STATES,
  checkDue,
  checkProgress,
  checkSubmitProblems,
  checkSummary,
  findingPriority,
  findingStatus,
  isFinding,
  passRate,
  type AssetType,
  type DueState,
} from '@cc-kit/domain';
import type { Schema } from '@cc-kit/spec';
import type { Services } from '../../core/area.js';
import type { Caller } from '../../core/auth.js';
import { assertUpdated } from '../../core/etag.js';
import { newId } from '../../core/ids.js';
import { paginate, type Page } from '../../core/pagination.js';
import { problem, type FieldError } from '../../core/problems.js';
import type { DirectoryService } from '../directory/service.js';
import type { TransitionEvent } from '../tickets/extensions.js';
import type { TicketService } from '../tickets/service.js';
import type { Ticket } from '../tickets/store.js';
import type {
  Asset,
  AssetRecord,
  CheckItem,
  CheckItemRecord,
  CheckRecord,
  DueCheck,
  EquipmentCheck,
  EquipmentReach,
  EquipmentStore,
  EquipmentSummary,
  Seat,
  SeatRecord,
} from './store.js';

type AssetCreate = Schema<'AssetCreate'>;
type AssetPatch = Schema<'AssetPatch'>;
type CheckCreate = Schema<'EquipmentCheckCreate'>;
type CheckPatch = Schema<'EquipmentCheckPatch'>;

/** How a maintenance work order names the asset, in English and Chinese. */
const TYPE_NAMES: Record<AssetType, { en: string; zh: string }> = {
  headset: { en: 'Headset', zh: '耳麦' },
  phone: { en: 'Phone', zh: '电话机' },
  workstation: { en: 'Workstation', zh: '电脑主机' },
  monitor: { en: 'Monitor', zh: '显示器' },
  softphone_licence: { en: 'Softphone licence', zh: '软电话授权' },
};

interface ListQuery {
  limit?: number;
  cursor?: string;
}

export class EquipmentService {
  constructor(
    readonly store: EquipmentStore,
    private readonly services: Services,
    private readonly directory: DirectoryService,
    private readonly tickets: TicketService,
  ) {}

  // ---- reach ------------------------------------------------------------------------------------

  /** The assets a caller reaches: an agent their seat's, a supervisor their team's, else all. */
  reachOf(caller: Caller): EquipmentReach {
    if (caller.role === 'operations_manager') return { everything: true };
    if (caller.role === 'agent') {
      return { everything: false, seatId: this.store.seatOfAgent(caller.userId)?.id ?? null };
    }
    return { everything: false, teamId: caller.teamId };
  }

  /** Teams whose seats, checks and due dates a caller sees (null: every team). */
  teamsOf(caller: Caller): string[] | null {
    if (caller.role === 'operations_manager') return null;
    return caller.teamId ? [caller.teamId] : [];
  }

  private reaches(caller: Caller, asset: AssetRecord): boolean {
    const reach = this.reachOf(caller);
    if (reach.everything) return true;
    if (reach.seatId !== undefined) return reach.seatId !== null && asset.seatId === reach.seatId;
    return reach.teamId !== null && asset.teamId === reach.teamId;
  }

  private teamVisible(caller: Caller, teamId: string): boolean {
    const teams = this.teamsOf(caller);
    return teams === null || teams.includes(teamId);
  }

  // ---- seats ------------------------------------------------------------------------------------

  private toSeat(seat: SeatRecord): Seat {
    return { id: seat.id, label: seat.label, teamId: seat.teamId, agentId: seat.agentId };
  }

  listSeats(caller: Caller, query: ListQuery & { teamId?: string }): Page<Seat> {
    const filter = {
      teamIds: this.teamsOf(caller),
      ...(query.teamId ? { teamId: query.teamId } : {}),
    };
    const page = paginate({
      codec: this.services.cursors,
      cursor: query.cursor,
      limit: query.limit,
      scope: { list: 'seats', ...filter },
      select: (after, limit) => this.store.seats(filter, { after, limit }),
    });
    return { items: page.items.map((s) => this.toSeat(s)), nextCursor: page.nextCursor };
  }

  /** Fills `seatId` on users (the directory asks). */
  decorateUsers(users: { id: string; seatId: string | null }[]): void {
    const seats = this.store.seatIdsOf(users.map((u) => u.id));
    for (const user of users) user.seatId = seats.get(user.id) ?? null;
  }

  // ---- assets -----------------------------------------------------------------------------------

  toAsset(record: AssetRecord): Asset {
    return {
      id: record.id,
      type: record.type,
      serial: record.serial,
      model: record.model,
      seatId: record.seatId,
      teamId: record.teamId,
      status: record.status,
      openWorkOrderId: record.openWorkOrderId,
      lastCheckedAt: record.lastCheckedAt,
      version: record.version,
    };
  }

  listAssets(
    caller: Caller,
    query: ListQuery & {
      teamId?: string;
      seatId?: string;
      type?: AssetType;
      status?: AssetRecord['status'];
    },
  ): Page<Asset> {
    const filter = {
      reach: this.reachOf(caller),
      ...(query.teamId ? { teamId: query.teamId } : {}),
      ...(query.seatId ? { seatId: query.seatId } : {}),
      ...(query.type ? { type: query.type } : {}),
      ...(query.status ? { status: query.status } : {}),
    };
    const page = paginate({
      codec: this.services.cursors,
      cursor: query.cursor,
      limit: query.limit,
      scope: { list: 'assets', ...filter },
      select: (after, limit) => this.store.assets(filter, { after, limit }),
    });
    return { items: page.items.map((a) => this.toAsset(a)), nextCursor: page.nextCursor };
  }

  getAsset(caller: Caller, id: string): Asset {
    const asset = this.store.asset(id);
    if (!asset || !this.reaches(caller, asset)) throw problem.notFound('asset');
    return this.toAsset(asset);
  }

  /** A seat the caller may put assets at; 422 naming `path` otherwise (out of reach is unknown). */
  private seatFor(caller: Caller, seatId: string, path: string): SeatRecord {
    const seat = this.store.seat(seatId);
    if (!seat || !this.teamVisible(caller, seat.teamId)) {
      throw problem.unprocessable('There is no seat with this ID that you can reach.', [
        { path, message: 'is not a seat you can reach', code: 'reference' },
      ]);
    }
    return seat;
  }

  private assertSerialFree(serial: string, exceptId: string | null): void {
    const other = this.store.assetIdBySerial(serial);
    if (other && other !== exceptId) {
      throw problem.unprocessable('Another asset has this serial number.', [
        { path: '/body/serial', message: 'is already registered', code: 'unique' },
      ]);
    }
  }

  createAsset(caller: Caller, input: AssetCreate, now: Date): Asset {
    const errors: FieldError[] = [];
    const seat = this.store.seat(input.seatId);
    if (!seat || !this.teamVisible(caller, seat.teamId)) {
      errors.push({
        path: '/body/seatId',
        message: 'is not a seat you can reach',
        code: 'reference',
      });
    }
    if (this.store.assetIdBySerial(input.serial)) {
      errors.push({ path: '/body/serial', message: 'is already registered', code: 'unique' });
    }
    if (errors.length) throw problem.unprocessable('The asset cannot be registered.', errors);
    const record: AssetRecord = {
      id: newId('ast', now.getTime()),
      type: input.type,
      serial: input.serial,
      model: input.model ?? '',
      seatId: seat!.id,
      teamId: seat!.teamId,
      status: 'in_service',
      openWorkOrderId: null,
      lastCheckedAt: null,
      version: 1,
    };
    this.store.insertAsset(record, now.toISOString());
    const asset = this.toAsset(this.store.asset(record.id)!);
    this.publishAsset(caller, asset, []);
    return asset;
  }

  updateAsset(
    caller: Caller,
    id: string,
    ifMatch: number | null,
    patch: AssetPatch,
    now: Date,
  ): Asset {
    const current = this.store.asset(id);
    if (!current || !this.reaches(caller, current)) throw problem.notFound('asset');
    if (patch.seatId) this.seatFor(caller, patch.seatId, '/body/seatId');
    if (patch.serial !== undefined) this.assertSerialFree(patch.serial, id);
    const changes = {
      ...(patch.serial !== undefined ? { serial: patch.serial } : {}),
      ...(patch.model !== undefined ? { model: patch.model } : {}),
      ...(patch.seatId !== undefined ? { seatId: patch.seatId } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      // Put back in service by hand: the fault is no longer tracked on the asset.
      ...(patch.status === 'in_service' ? { openWorkOrderId: null } : {}),
      updatedAt: now.toISOString(),
    };
    const changed = this.store.updateAsset(id, ifMatch ?? -1, changes);
    assertUpdated(changed, ifMatch, () => this.store.asset(id)?.version, 'asset');
    const asset = this.toAsset(this.store.asset(id)!);
    this.publishAsset(caller, asset, current.teamId ? [current.teamId] : []);
    return asset;
  }

  // ---- checks -----------------------------------------------------------------------------------

  private toChecks(records: CheckRecord[]): EquipmentCheck[] {
    const items = this.store.itemsOf(records.map((r) => r.id));
    return records.map((record): EquipmentCheck => {
      const list = items.get(record.id) ?? [];
      return {
        id: record.id,
        teamId: record.teamId,
        seatId: record.seatId,
        state: record.state,
        startedBy: this.directory.userRef(record.startedBy),
        startedAt: record.startedAt,
        submittedAt: record.submittedAt,
        items: list.map((i): CheckItem => ({
          assetId: i.assetId,
          assetType: i.assetType,
          serial: i.serial,
          seatId: i.seatId,
          result: i.result,
          note: i.note,
          workOrderId: i.workOrderId,
          workOrderNumber: i.workOrderNumber,
          fixedAt: i.fixedAt,
        })),
        progress: checkProgress(list),
        summary: checkSummary(list),
        version: record.version,
      };
    });
  }

  private checkOf(id: string): EquipmentCheck {
    return this.toChecks([this.store.check(id)!])[0]!;
  }

  /** A check the caller may see (a supervisor: their team's); 404 otherwise. */
  private visibleCheck(caller: Caller, id: string): CheckRecord {
    const check = this.store.check(id);
    if (!check || !this.teamVisible(caller, check.teamId)) throw problem.notFound('check');
    return check;
  }

  listChecks(
    caller: Caller,
    query: ListQuery & { teamId?: string; seatId?: string; state?: CheckRecord['state'] },
  ): Page<EquipmentCheck> {
    const filter = {
      teamIds: this.teamsOf(caller),
      ...(query.teamId ? { teamId: query.teamId } : {}),
      ...(query.seatId ? { seatId: query.seatId } : {}),
      ...(query.state ? { state: query.state } : {}),
    };
    const page = paginate({
      codec: this.services.cursors,
      cursor: query.cursor,
      limit: query.limit,
      scope: { list: 'equipment-checks', ...filter },
      select: (after, limit) => this.store.checks(filter, { after, limit }),
    });
    return { items: this.toChecks(page.items), nextCursor: page.nextCursor };
  }

  getCheck(caller: Caller, id: string): EquipmentCheck {
    return this.toChecks([this.visibleCheck(caller, id)])[0]!;
  }

  startCheck(caller: Caller, input: CheckCreate, now: Date): EquipmentCheck {
    if (!this.store.teamExists(input.teamId)) {
      throw problem.unprocessable('There is no team with this ID.', [
        { path: '/body/teamId', message: 'is not a team', code: 'reference' },
      ]);
    }
    if (!this.teamVisible(caller, input.teamId)) {
      throw problem.forbidden('A supervisor may check only their own team’s equipment.', [
        { path: '/body/teamId', message: 'is not your team', code: 'forbidden' },
      ]);
    }
    let seat: SeatRecord | null = null;
    if (input.seatId) {
      seat = this.store.seat(input.seatId) ?? null;
      if (!seat || seat.teamId !== input.teamId) {
        throw problem.unprocessable('The seat is not one of this team’s.', [
          { path: '/body/seatId', message: 'is not a seat of the team', code: 'reference' },
        ]);
      }
    }
    const draft = this.store.draftOf(input.teamId, seat?.id ?? null);
    if (draft) {
      throw problem.invalidState(
        `A draft check of this ${seat ? 'seat' : 'team'} is open already (${draft}); finish or resume it.`,
      );
    }
    const assets = this.store.assetsToCheck(input.teamId, seat?.id ?? null);
    if (!assets.length) {
      throw problem.unprocessable(`This ${seat ? 'seat' : 'team'} has no equipment to check.`, [
        {
          path: seat ? '/body/seatId' : '/body/teamId',
          message: 'has no assets in service',
          code: 'empty',
        },
      ]);
    }
    const record: CheckRecord = {
      id: newId('chk', now.getTime()),
      teamId: input.teamId,
      seatId: seat?.id ?? null,
      state: 'draft',
      startedBy: caller.userId,
      startedAt: now.toISOString(),
      submittedAt: null,
      version: 1,
    };
    const seatIds = seat ? [seat.id] : this.store.seatsOfTeam(input.teamId).map((s) => s.id);
    const items = assets.map((asset, position): CheckItemRecord => ({
      checkId: record.id,
      position,
      assetId: asset.id,
      assetType: asset.type,
      serial: asset.serial,
      seatId: asset.seatId!,
      result: null,
      note: '',
      workOrderId: null,
      workOrderNumber: null,
      fixedAt: null,
    }));
    this.store.insertCheck(record, seatIds, items);
    return this.checkOf(record.id);
  }

  private assertDraft(check: CheckRecord): void {
    if (check.state !== 'draft') {
      throw problem.invalidState('This check has been submitted; it can no longer change.');
    }
  }

  updateCheck(
    caller: Caller,
    id: string,
    ifMatch: number | null,
    patch: CheckPatch,
  ): EquipmentCheck {
    const check = this.visibleCheck(caller, id);
    this.assertDraft(check);
    const assetIds = new Set((this.store.itemsOf([id]).get(id) ?? []).map((i) => i.assetId));
    const errors: FieldError[] = [];
    patch.items.forEach((item, i) => {
      if (!assetIds.has(item.assetId)) {
        errors.push({
          path: `/body/items/${i}/assetId`,
          message: 'is not an item of this check',
          code: 'reference',
        });
      }
    });
    if (errors.length) throw problem.unprocessable('Some items are not in this check.', errors);
    const changed = this.store.touchCheck(id, ifMatch ?? -1);
    assertUpdated(changed, ifMatch, () => this.store.check(id)?.version, 'check');
    for (const item of patch.items) {
      this.store.setItem(id, item.assetId, {
        ...(item.result !== undefined ? { result: item.result } : {}),
        ...(item.note !== undefined ? { note: item.note } : {}),
      });
    }
    return this.checkOf(id);
  }

  /**
   * Submits a draft: every item has a result and each finding a note; each finding opens a
   * maintenance work order (or keeps the one still open for that asset) and marks the asset; every
   * asset of the check is stamped checked. All in the request's transaction.
   */
  submitCheck(caller: Caller, id: string, ifMatch: number | null, now: Date): EquipmentCheck {
    const check = this.visibleCheck(caller, id);
    this.assertDraft(check);
    const items = this.store.itemsOf([id]).get(id) ?? [];
    const problems = checkSubmitProblems(items);
    if (problems.length) {
      const missingResults = problems.filter((p) => p.field === 'result').length;
      const missingNotes = problems.length - missingResults;
      throw problem.unprocessable(
        [
          missingResults ? `${missingResults} item(s) have no result` : '',
          missingNotes ? `${missingNotes} failed or missing item(s) have no note` : '',
        ]
          .filter(Boolean)
          .join('; ') + '.',
        problems.map((p) => ({
          path: `/items/${p.index}/${p.field}`,
          message:
            p.field === 'result' ? 'is required to submit' : 'is required for fail and missing',
          code: p.code,
        })),
      );
    }
    const at = now.toISOString();
    const changed = this.store.touchCheck(id, ifMatch ?? -1, {
      state: 'submitted',
      submittedAt: at,
    });
    assertUpdated(changed, ifMatch, () => this.store.check(id)?.version, 'check');

    const seats = new Map<string, SeatRecord>();
    const seatOf = (seatId: string) => {
      let seat = seats.get(seatId);
      if (!seat) {
        seat = this.store.seat(seatId)!;
        seats.set(seatId, seat);
      }
      return seat;
    };
    for (const item of items) {
      const asset = this.store.asset(item.assetId);
      if (!asset) continue;
      if (!isFinding(item.result)) {
        this.store.updateAsset(asset.id, asset.version, { lastCheckedAt: at, updatedAt: at });
        continue;
      }
      const stillOpen =
        asset.openWorkOrderId !== null &&
        !['resolved', 'closed'].includes(this.store.ticketState(asset.openWorkOrderId) ?? 'closed');
      const workOrderId = stillOpen
        ? asset.openWorkOrderId!
        : this.openWorkOrder(caller, check, item, asset, seatOf(item.seatId), now).id;
      this.store.setItemWorkOrder(id, item.assetId, workOrderId);
      this.store.updateAsset(asset.id, asset.version, {
        status: findingStatus(item.result),
        openWorkOrderId: workOrderId,
        lastCheckedAt: at,
        updatedAt: at,
      });
      this.publishAsset(caller, this.toAsset(this.store.asset(asset.id)!), []);
    }
    const submitted = this.checkOf(id);
    this.services.events.publish({
      topic: 'equipment',
      type: 'equipment.check.submitted',
      data: submitted,
      audience: this.audience([submitted.teamId]),
      actor: { id: caller.userId, name: caller.name },
    });
    return submitted;
  }

  private openWorkOrder(
    caller: Caller,
    check: CheckRecord,
    item: CheckItemRecord,
    asset: AssetRecord,
    seat: SeatRecord,
    now: Date,
  ): Ticket {
    const result = item.result as 'fail' | 'missing';
    const name = TYPE_NAMES[asset.type];
    const subject =
      result === 'fail'
        ? `${name.en} fault at seat ${seat.label} / 座位 ${seat.label} ${name.zh}故障`
        : `${name.en} missing at seat ${seat.label} / 座位 ${seat.label} ${name.zh}缺失`;
    const description = [
      `${name.en} ${asset.serial}${asset.model ? ` (${asset.model})` : ''}, seat ${seat.label}.`,
      `${name.zh} ${asset.serial}${asset.model ? `（${asset.model}）` : ''}，座位 ${seat.label}。`,
      item.note.trim(),
    ].join('\n');
    return this.tickets.create(
      caller,
      {
        kind: 'work_order',
        subject: subject.slice(0, 200),
        description: description.slice(0, 20_000),
        priority: findingPriority(result),
        channel: 'web',
        teamId: seat.teamId,
        tags: ['equipment'],
      },
      now,
      {
        internal: true,
        beforePublish: (record) =>
          this.store.insertLink(record.id, { assetId: asset.id, checkId: check.id }),
      },
    );
  }

  // ---- work orders --------------------------------------------------------------------------------

  /** Fills tickets' `equipment` link. */
  decorateTickets(tickets: Ticket[]): void {
    const links = this.store.links(tickets.filter((t) => t.kind === 'work_order').map((t) => t.id));
    for (const ticket of tickets) ticket.equipment = links.get(ticket.id) ?? null;
  }

  /**
   * A maintenance work order resolved: its items are fixed and the asset back in service.
   * Reopened: the items are not fixed any more and the asset is back to what the check found.
   */
  afterTransition(event: TransitionEvent): void {
    const ticketId = event.after.id;
    if (event.transition !== 'resolve' && event.transition !== 'reopen') return;
    const link = this.store.links([ticketId]).get(ticketId);
    if (!link) return;
    const at = event.now.toISOString();
    const resolved = event.transition === 'resolve';
    const fixed = this.store.setItemsFixed(ticketId, resolved ? at : null);
    const asset = this.store.asset(link.assetId);
    if (!asset) return;
    let changes: Parameters<EquipmentStore['updateAsset']>[2] | null = null;
    if (resolved && asset.openWorkOrderId === ticketId) {
      changes = {
        status: asset.status === 'retired' ? 'retired' : 'in_service',
        openWorkOrderId: null,
        updatedAt: at,
      };
    } else if (!resolved && asset.openWorkOrderId === null && asset.status === 'in_service') {
      const finding = this.findingOf(fixed, ticketId);
      if (finding) {
        changes = { status: findingStatus(finding), openWorkOrderId: ticketId, updatedAt: at };
      }
    }
    if (!changes) return;
    this.store.updateAsset(asset.id, asset.version, changes);
    this.publishAsset(event.actor, this.toAsset(this.store.asset(asset.id)!), []);
  }

  private findingOf(
    items: { checkId: string; assetId: string }[],
    ticketId: string,
  ): 'fail' | 'missing' | null {
    for (const [, list] of this.store.itemsOf(items.map((i) => i.checkId))) {
      const item = list.find((i) => i.workOrderId === ticketId);
      if (item && isFinding(item.result)) return item.result;
    }
    return null;
  }

  // ---- due dates and summary --------------------------------------------------------------------

  listDue(
    caller: Caller,
    query: ListQuery & { teamId?: string; state?: DueState[] },
    now: Date,
  ): Page<DueCheck> {
    const states = DUE_STATES.filter((s) => (query.state ?? ['due', 'overdue']).includes(s));
    const filter = {
      teamIds: this.teamsOf(caller),
      ...(query.teamId ? { teamId: query.teamId } : {}),
      states,
    };
    const page = paginate({
      codec: this.services.cursors,
      cursor: query.cursor,
      limit: query.limit,
      scope: { list: 'equipment-due', ...filter },
      select: (after, limit) =>
        this.store.due({ ...filter, now: now.toISOString() }, { after, limit }),
    });
    return {
      items: page.items.map((row): DueCheck => {
        const due = checkDue({
          lastCheckedAt: row.lastCheckedAt,
          cadenceDays: row.cadenceDays,
          seatCreatedAt: row.seatCreatedAt,
          now,
        });
        return {
          teamId: row.teamId,
          seatId: row.seatId,
          seatLabel: row.seatLabel,
          lastCheckedAt: row.lastCheckedAt,
          dueAt: due.dueAt,
          state: due.state,
          overdueDays: due.overdueDays,
        };
      }),
      nextCursor: page.nextCursor,
    };
  }

  summary(caller: Caller, now: Date): EquipmentSummary {
    const teamIds = this.teamsOf(caller);
    const dueCounts = new Map<string, { due: number; overdue: number }>();
    for (const row of this.store.dueRows(teamIds)) {
      const { state } = checkDue({
        lastCheckedAt: row.lastCheckedAt,
        cadenceDays: row.cadenceDays,
        seatCreatedAt: row.seatCreatedAt,
        now,
      });
      const counts = dueCounts.get(row.teamId) ?? { due: 0, overdue: 0 };
      if (state === 'due') counts.due++;
      if (state === 'overdue') counts.overdue++;
      dueCounts.set(row.teamId, counts);
    }
    return {
      asOf: now.toISOString(),
      teams: this.store.teamFigures(teamIds).map((t) => ({
        teamId: t.teamId,
        assets: t.assets,
        passRate: passRate(t),
        openFaults: t.openFaults,
        overdueSeats: dueCounts.get(t.teamId)?.overdue ?? 0,
        dueSeats: dueCounts.get(t.teamId)?.due ?? 0,
        lastCheckAt: t.lastCheckAt,
      })),
    };
  }

  // ---- events -----------------------------------------------------------------------------------

  private audience(teamIds: (string | null)[]): string[] {
    const keys = new Set(['role:operations_manager']);
    for (const teamId of teamIds) if (teamId) keys.add(`team:${teamId}:supervisor`);
    return [...keys];
  }

  private publishAsset(actor: Caller, asset: Asset, formerTeams: string[]): void {
    this.services.events.publish({
      topic: 'equipment',
      type: 'equipment.asset.updated',
      data: asset,
      audience: this.audience([asset.teamId, ...formerTeams]),
      actor: { id: actor.userId, name: actor.name },
    });
  }
}
