/**
 * Roles of the call center and the personal-data (PII) rules that follow from them.
 *
 * Customer names, phone numbers and e-mail addresses are personal data. Roles whose work needs
 * them (answering and handling customers) see them in full; every other role sees them masked.
 */

/** Every role a token can carry, in the order the API documents them. */
export const ROLES = [
  'agent',
  'supervisor',
  'complaint_supervisor',
  'qa_specialist',
  'operations_manager',
  'survey_supervisor',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles that may see customers' personal data unmasked. */
export const PERSONAL_DATA_ROLES: readonly Role[] = ['agent', 'supervisor', 'complaint_supervisor'];

/** Type guard: is `value` one of {@link ROLES}? */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` may see customers' names, phone numbers and e-mail addresses unmasked. */
export function canSeePersonalData(role: Role): boolean {
  return (PERSONAL_DATA_ROLES as readonly string[]).includes(role);
}

const MASK = '*';

function maskWord(word: string): string {
  const chars = Array.from(word);
  if (chars.length === 0) return '';
  return chars[0] + MASK.repeat(chars.length - 1);
}

/**
 * Masks a person's name: the first character of each whitespace-separated word is kept, every
 * other character becomes `*`. A name of a single character is masked completely. Masking an
 * already masked value changes nothing.
 *
 * `maskName('张伟') === '张*'`, `maskName('John Smith') === 'J*** S****'`.
 */
export function maskName(name: string): string {
  if (Array.from(name.replace(/\s+/gu, '')).length === 1) return name.replace(/\S/gu, MASK);
  return name.replace(/\S+/gu, maskWord);
}

/**
 * Masks a phone number digit by digit; anything that is not a digit (`+`, spaces, dashes,
 * brackets) stays in place. Numbers with at least 10 digits keep their first 3 and last 4
 * digits (`'13812345678'` -> `'138****5678'`); shorter numbers keep only their last 2 digits, and
 * a number of 2 digits or fewer is masked completely. A `*` already in the value counts as a
 * (masked) digit, so masking twice changes nothing.
 */
export function maskPhone(phone: string): string {
  const positions = phone.replace(/[^\d*]/g, '').length;
  const keepHead = positions >= 10 ? 3 : 0;
  const keepTail = positions >= 10 ? 4 : positions > 2 ? 2 : 0;
  let index = 0;
  return phone.replace(/[\d*]/g, (char) => {
    const position = index++;
    return position < keepHead || position >= positions - keepTail ? char : MASK;
  });
}

/**
 * Masks an e-mail address: the first character of the local part is kept, the rest of the local
 * part becomes `*`, the domain is kept (`'ann@x.com'` -> `'a**@x.com'`). A local part of one
 * character is masked completely. A value without `@` is masked like a name.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return maskName(email);
  const local = email.slice(0, at);
  return (Array.from(local).length === 1 ? MASK : maskWord(local)) + email.slice(at);
}
