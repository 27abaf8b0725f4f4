/** Storage of the equipment area: seats, assets, checks and their items, work-order links. */
import type { AssetStatus, AssetType, CheckResult, DueState } from '@cc-kit/domain';
import type { Schema } from '@cc-kit/spec';
import type { Keyed, KeyValue } from '../../core/pagination.js';

export type Seat = Schema<'Seat'>;
export type Asset = Schema<'Asset'>;
export type EquipmentCheck = Schema<'EquipmentCheck'>;
export type CheckItem = Schema<'CheckItem'>;
export type DueCheck = Schema<'DueCheck'>;
export type EquipmentSummary = Schema<'EquipmentSummary'>;

/** A slice of a keyset-ordered list: rows strictly after the sort keys `after`, at most `limit`. */
export interface Slice {
  after: KeyValue[] | null;
  limit: number;
}

export interface SeatRecord {
  id: string;
  label: string;
  teamId: string;
  agentId: string | null;
  createdAt: string;
}

export interface AssetRecord {
  id: string;
  type: AssetType;
  serial: string;
  model: string;
  seatId: string | null;
  /** The seat's team (null without a seat). */
  teamId: string | null;
  status: AssetStatus;
  openWorkOrderId: string | null;
  lastCheckedAt: string | null;
  version: number;
}

/**
 * Which rows a caller reaches: everything, one team's (a supervisor; null: none), or one seat's
 * (an agent; null: none).
 */
export type EquipmentReach =
  | { everything: true }
  | { everything: false; teamId: string | null; seatId?: undefined }
  | { everything: false; seatId: string | null; teamId?: undefined };

export interface AssetFilter {
  reach: EquipmentReach;
  teamId?: string;
  seatId?: string;
  type?: AssetType;
  status?: AssetStatus;
}

export interface AssetChanges {
  serial?: string;
  model?: string;
  seatId?: string | null;
  status?: AssetStatus;
  openWorkOrderId?: string | null;
  lastCheckedAt?: string;
  updatedAt: string;
}

export interface CheckRecord {
  id: string;
  teamId: string;
  seatId: string | null;
  state: 'draft' | 'submitted';
  startedBy: string;
  startedAt: string;
  submittedAt: string | null;
  version: number;
}

export interface CheckItemRecord {
  checkId: string;
  position: number;
  assetId: string;
  assetType: AssetType;
  serial: string;
  seatId: string;
  result: CheckResult | null;
  note: string;
  workOrderId: string | null;
  workOrderNumber: number | null;
  fixedAt: string | null;
}

export interface CheckFilter {
  /** Null: every team. */
  teamIds: string[] | null;
  teamId?: string;
  seatId?: string;
  state?: 'draft' | 'submitted';
}

export interface DueRow {
  teamId: string;
  seatId: string;
  seatLabel: string;
  seatCreatedAt: string;
  cadenceDays: number;
  lastCheckedAt: string | null;
  dueAt: string;
}

export interface DueFilter {
  teamIds: string[] | null;
  teamId?: string;
  states: DueState[];
  now: string;
}

export interface TeamFigures {
  teamId: string;
  assets: number;
  openFaults: number;
  lastCheckAt: string | null;
  /** Items of each seat's latest submitted check, by result. */
  pass: number;
  fail: number;
  missing: number;
  notApplicable: number;
}

export interface EquipmentLink {
  assetId: string;
  checkId: string;
}

export interface EquipmentStore {
  // seats
  seat(id: string): SeatRecord | undefined;
  seats(filter: { teamIds: string[] | null; teamId?: string }, slice: Slice): Keyed<SeatRecord>[];
  seatOfAgent(agentId: string): SeatRecord | undefined;
  /** Seat IDs of these users (agents sitting somewhere). */
  seatIdsOf(userIds: readonly string[]): Map<string, string>;
  seatsOfTeam(teamId: string): SeatRecord[];
  teamExists(teamId: string): boolean;
  /** Every team's id and cadence, in the teams' order. */
  teams(): { id: string; cadenceDays: number }[];

  // assets
  asset(id: string): AssetRecord | undefined;
  assetIdBySerial(serial: string): string | undefined;
  assets(filter: AssetFilter, slice: Slice): Keyed<AssetRecord>[];
  /** Assets a check of the team (or one seat) covers, not retired, by seat label and type. */
  assetsToCheck(teamId: string, seatId: string | null): AssetRecord[];
  insertAsset(record: AssetRecord, now: string): void;
  /** `UPDATE … WHERE id = ? AND version = ?`, bumping the version; the number of rows changed. */
  updateAsset(id: string, version: number, changes: AssetChanges): number;

  // checks
  check(id: string): CheckRecord | undefined;
  checks(filter: CheckFilter, slice: Slice): Keyed<CheckRecord>[];
  /** An open draft of exactly this scope. */
  draftOf(teamId: string, seatId: string | null): string | undefined;
  insertCheck(record: CheckRecord, seatIds: string[], items: CheckItemRecord[]): void;
  itemsOf(checkIds: readonly string[]): Map<string, CheckItemRecord[]>;
  setItem(
    checkId: string,
    assetId: string,
    change: { result?: CheckResult | null; note?: string },
  ): void;
  setItemWorkOrder(checkId: string, assetId: string, workOrderId: string): void;
  /** Sets `fixed_at` on the items of this work order; returns them. */
  setItemsFixed(
    workOrderId: string,
    fixedAt: string | null,
  ): { checkId: string; assetId: string }[];
  /** Bumps the version (and sets the state) when it is `version`; rows changed. */
  touchCheck(
    id: string,
    version: number,
    change?: { state: 'submitted'; submittedAt: string },
  ): number;

  // due dates and summary
  due(filter: DueFilter, slice: Slice): Keyed<DueRow>[];
  dueRows(teamIds: string[] | null): DueRow[];
  teamFigures(teamIds: string[] | null): TeamFigures[];

  // work-order links
  links(ticketIds: readonly string[]): Map<string, EquipmentLink>;
  insertLink(ticketId: string, link: EquipmentLink): void;
  /** The state of a ticket (for reusing an open work order). */
  ticketState(ticketId: string): string | undefined;
}
