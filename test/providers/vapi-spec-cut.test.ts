import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cut, keptOperations, outputPath } from '../../scripts/cut-vapi-spec.mjs';

// The Vapi contract tests read the repository's cut of Vapi's OpenAPI document, never a file outside
// the repository. The cut must hold every operation the adapter sends and be closed under $ref; cutting
// the cut again must give it back unchanged, so it holds no schema that nothing reaches.

const committed = JSON.parse(readFileSync(outputPath, 'utf8')) as Record<string, any>;

describe("the repository's cut of Vapi's OpenAPI document", () => {
  it('names its source, the commit, and the day it was cut', () => {
    expect(committed['x-cut'].source).toBe('VapiAI/docs repository, fern/apis/api/openapi.json, commit eabfa530 (2026-08-20)');
    expect(committed['x-cut'].cutOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('keeps the number, campaign, call and assistant operations', () => {
    const operations = Object.entries(committed.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(keptOperations.map(([method, path]) => `${method.toUpperCase()} ${path}`).sort());
    expect(operations).toEqual(expect.arrayContaining(['GET /v2/phone-number', 'PATCH /v2/campaign/{id}', 'POST /call', 'GET /assistant/{id}']));
  });

  it('is closed under $ref and holds no schema that no kept operation reaches', () => {
    const again = cut(committed, committed['x-cut'].cutOn);
    expect(Object.keys(again.components.schemas)).toEqual(Object.keys(committed.components.schemas));
    expect(again.paths).toEqual(committed.paths);
    expect(Object.keys(committed.components.schemas)).toEqual(expect.arrayContaining(['TwilioPhoneNumber', 'VapiPhoneNumber', 'CampaignSummary', 'CreateCampaignDTO', 'Call', 'Assistant']));
  });

  it('refuses a document that lacks a kept operation or a schema it refers to', () => {
    const { ['/call']: _calls, ...paths } = committed.paths;
    expect(() => cut({ ...committed, paths }, '2026-01-01')).toThrow('no GET /call');
    const { CampaignSummary: _summary, ...schemas } = committed.components.schemas;
    expect(() => cut({ ...committed, components: { ...committed.components, schemas } }, '2026-01-01')).toThrow('#/components/schemas/CampaignSummary');
  });
});
