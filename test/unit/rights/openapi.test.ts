import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../../functions/routes';
import { openApiDocument } from '../../../functions/shared/openapi';

type Operation = {
  security?: unknown[];
  parameters: { name: string; in: string; required: boolean }[];
  responses: object;
};

describe('OpenAPI document: public routes', () => {
  const document = openApiDocument();
  const operation = (method: string, path: string) =>
    (document.paths as unknown as Record<string, Record<string, Operation>>)[path]![method.toLowerCase()]!;

  it('marks the public routes as without security and every other route with the bearer scheme', () => {
    expect(document.security).toEqual([{ bearer: [] }]);
    for (const route of ROUTES) {
      const op = operation(route.method, route.path);
      if (route.public) {
        expect(op.security, route.operationId).toEqual([]);
        expect(Object.keys(op.responses), route.operationId).not.toContain('401');
      } else expect(op.security, route.operationId).toBeUndefined();
    }
  });

  it('declares the access code as a required header of the status route', () => {
    const op = operation('GET', '/v1/data-subject-requests/{reference}');
    expect(op.parameters).toContainEqual(
      expect.objectContaining({ name: 'x-access-code', in: 'header', required: true }),
    );
  });
});
