// Compile-time tests of the client's public surface, checked by `tsc -b`.
import type { Body, Client, Paginator, Result, Schema } from '../../src/index.js';

type IsAny<T> = 0 extends 1 & T ? true : false;
type Check<T extends true> = T;
type Not<T extends boolean> = T extends true ? false : true;

/** The dotted paths of methods whose parameters or result are `any` (never when there is none). */
type AnyPaths<T, Path extends string = ''> = {
  [K in keyof T & string]: T[K] extends (...args: infer A) => infer R
    ? | (IsAny<R> extends true ? `${Path}${K}()` : never)
      | (R extends Promise<infer V>
          ? IsAny<V> extends true
            ? `${Path}${K}() value`
            : never
          : never)
      | Exclude<
          {
            [I in keyof A]: IsAny<A[I]> extends true ? `${Path}${K}(#${I & string})` : never;
          }[number],
          undefined
        >
    : T[K] extends object
      ? AnyPaths<T[K], `${Path}${K}.`>
      : never;
}[keyof T & string];

export type NoAnyInTheClient = Check<[AnyPaths<Client>] extends [never] ? true : false>;

// Results are the generated types.
type Ticket = Awaited<ReturnType<Client['tickets']['get']>>;
export type TicketIsTheSchema = Check<Ticket extends Schema<'Ticket'> ? true : false>;
type Csv = Awaited<ReturnType<Client['kpis']['export']>>;
export type ExportIsText = Check<Csv extends string ? true : false>;
type Iterated = ReturnType<Client['tickets']['iterate']>;
export type IteratorYieldsTickets = Check<
  Iterated extends Paginator<Schema<'Ticket'>> ? true : false
>;
export type PageResult = Check<Result<'listTeams'> extends Schema<'TeamPage'> ? true : false>;

declare const client: Client;

export async function parameters() {
  // Fields with a default in the contract may be left out.
  await client.tickets.create({ kind: 'general_call', subject: 'No description' });
  await client.tickets.comments.add('t1', { body: 'No visibility' });
  // A complaint's customer must have a name (allOf overlay in the contract).
  await client.complaints.file({
    customer: { name: 'Li' },
    channel: 'phone',
    categoryId: 'c',
    severity: 'low',
    description: 'long enough',
  });
  await client.complaints.file({
    // @ts-expect-error: the customer's name is required
    customer: { phone: '138' },
    channel: 'phone',
    categoryId: 'c',
    severity: 'low',
    description: 'long enough',
  });
  // @ts-expect-error: an update needs ifMatch
  await client.tickets.update('t1', { subject: 's' });
  // @ts-expect-error: an update needs its options
  await client.teams.update('t1', { equipmentCheckCadenceDays: 3 });
  // @ts-expect-error: not a ticket kind
  await client.tickets.list({ kind: ['complaints'] });
  // @ts-expect-error: unknown body field
  await client.tickets.create({ kind: 'praise', subject: 's', extra: 1 });
  // @ts-expect-error: toArray requires a limit
  await client.teams.iterate().toArray();
  // ifMatch takes a version or an ETag.
  await client.teams.update('t1', { equipmentCheckCadenceDays: 3 }, { ifMatch: 3 });
  await client.teams.update('t1', { equipmentCheckCadenceDays: 3 }, { ifMatch: '"3"' });
}

type Defaulted = Body<'createTicket'>['description'];
export type DefaultedIsOptional = Check<Not<IsAny<Defaulted>>>;

// The detector itself finds an `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Probe = AnyPaths<{ a: { b(x: any): void }; c(): Promise<any> }>;
export type DetectorWorks = Check<'a.b(#0)' | 'c() value' extends Probe ? true : false>;
