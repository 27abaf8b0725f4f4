import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, canSeePersonalData, isRole, maskEmail, maskName, maskPhone } from '../src/roles.js';

describe('roles', () => {
  test('the six roles, in documented order', () => {
    assert.deepEqual(
      [...ROLES],
      [
        'agent',
        'supervisor',
        'complaint_supervisor',
        'qa_specialist',
        'operations_manager',
        'survey_supervisor',
      ],
    );
    assert.ok(isRole('agent'));
    assert.ok(!isRole('admin'));
    assert.ok(!isRole(undefined));
  });

  test('who may see personal data', () => {
    const allowed = ROLES.filter((role) => canSeePersonalData(role));
    assert.deepEqual(allowed, ['agent', 'supervisor', 'complaint_supervisor']);
  });
});

describe('maskName', () => {
  test('keeps the first character of each word', () => {
    assert.equal(maskName('张伟'), '张*');
    assert.equal(maskName('欧阳娜娜'), '欧***');
    assert.equal(maskName('John Smith'), 'J*** S****');
    assert.equal(maskName('Mary-Jane  Watson'), 'M********  W*****');
  });
  test('a one-character name is masked completely; blanks stay blank', () => {
    assert.equal(maskName('张'), '*');
    assert.equal(maskName(''), '');
    assert.equal(maskName('  '), '  ');
  });
  test('characters outside the BMP count as one character', () => {
    assert.equal(maskName('𠮷野家'), '𠮷**');
  });
  test('masking twice changes nothing', () => {
    for (const name of ['张伟', 'John Smith', '张', '欧阳娜娜']) {
      assert.equal(maskName(maskName(name)), maskName(name));
    }
  });
});

describe('maskPhone', () => {
  test('keeps the first 3 and last 4 digits of long numbers', () => {
    assert.equal(maskPhone('13812345678'), '138****5678');
    assert.equal(maskPhone('+86 138-1234-5678'), '+86 1**-****-5678');
    assert.equal(maskPhone('(212) 555-1234'), '(212) ***-1234');
  });
  test('short numbers keep only the last 2 digits', () => {
    assert.equal(maskPhone('62345678'), '******78');
    assert.equal(maskPhone('6234-5678'), '****-**78');
    assert.equal(maskPhone('110'), '*10');
    assert.equal(maskPhone('12'), '**');
    assert.equal(maskPhone(''), '');
  });
  test('masking twice changes nothing', () => {
    for (const phone of ['13812345678', '+86 138-1234-5678', '62345678', '110']) {
      assert.equal(maskPhone(maskPhone(phone)), maskPhone(phone));
    }
  });
});

describe('maskEmail', () => {
  test('keeps the first character of the local part and the domain', () => {
    assert.equal(maskEmail('ann@x.com'), 'a**@x.com');
    assert.equal(maskEmail('zhang.wei@example.com.cn'), 'z********@example.com.cn');
    assert.equal(maskEmail('a@x.com'), '*@x.com');
    assert.equal(maskEmail('nope'), 'n***');
  });
  test('masking twice changes nothing', () => {
    for (const email of ['ann@x.com', 'a@x.com']) {
      assert.equal(maskEmail(maskEmail(email)), maskEmail(email));
    }
  });
});
