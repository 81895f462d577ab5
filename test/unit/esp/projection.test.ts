import { describe, expect, it } from 'vitest';
import { projectFields } from '../../../functions/esp/domain/projection';

describe('projection of a source record onto the allowed fields', () => {
  const record = {
    recordId: 'r1',
    identity: { surnames: ['A'], dateOfBirth: '1990-01-01', secret: 'x' },
    movements: [{ kind: 'entry' }],
    internal: 'y',
  };

  it('keeps whole fields and single identity fields, nothing else', () => {
    expect(projectFields(record, ['recordId', 'identity.surnames', 'movements'])).toEqual({
      recordId: 'r1',
      identity: { surnames: ['A'] },
      movements: [{ kind: 'entry' }],
    });
  });

  it('copies values, so a source cannot change a reply afterwards', () => {
    const source = { movements: [{ kind: 'entry' }] };
    const projected = projectFields(source, ['movements']);
    source.movements[0]!.kind = 'exit';
    expect(projected).toEqual({ movements: [{ kind: 'entry' }] });
  });

  it('does not walk into arrays, inherited properties or non-objects', () => {
    expect(projectFields({ movements: [{ kind: 'entry' }] }, ['movements.kind'])).toEqual({});
    expect(projectFields(Object.create({ recordId: 'inherited' }), ['recordId'])).toEqual({});
    expect(projectFields('not a record', ['recordId'])).toEqual({});
  });

  it('drops values that cannot be copied', () => {
    expect(projectFields({ recordId: () => 'r1', category: 'arrest' }, ['recordId', 'category'])).toEqual({
      category: 'arrest',
    });
  });
});
