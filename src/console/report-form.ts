import type { FieldIssue } from '../core/app-error.js';
import { INCIDENT_TYPES } from '../reporting/ncmec/incident-types.js';
import { html, type Html } from './html.js';

/*
 * The report editor as a form (issue 17, defect 5): one control per field a reviewer
 * completes, each named by its path in the draft (`reporter.reportingPerson.email`,
 * `files[0].industryClassification`) so that an error from the schema lands beside its
 * field. Everything else in the draft is kept as it is; the whole report stays editable as
 * JSON under "Advanced" for what the form does not cover.
 */

type Kind = 'text' | 'textarea' | 'select' | 'checkbox' | 'list' | 'datetime';
export interface FormField {
  path: string;
  label: string;
  kind: Kind;
  options?: readonly string[];
  hint?: string;
}

const ANNOTATIONS = [
  ['sextortion', 'Sextortion'],
  ['csamSolicitation', 'Solicitation of images (CSAM solicitation)'],
  ['minorToMinorInteraction', 'Minor-to-minor interaction'],
  ['spam', 'Spam'],
  ['sadisticOnlineExploitation', 'Sadistic online exploitation'],
] as const;

type Draft = Record<string, unknown> & { personOrUserReported?: unknown[]; victim?: unknown[]; files?: { localId?: string }[] };

/** The form's fields for this draft: fixed ones, then one group per reported user and file. */
export function reportFields(d: Draft): { legend: string; fields: FormField[] }[] {
  const groups: { legend: string; fields: FormField[] }[] = [
    {
      legend: 'Incident',
      fields: [
        { path: 'incidentType', label: 'Incident type', kind: 'select', options: INCIDENT_TYPES },
        { path: 'incidentDateTime', label: 'Incident time (RFC 3339, UTC)', kind: 'datetime' },
        { path: 'incidentDateTimeDescription', label: 'How the incident time was chosen', kind: 'textarea' },
        ...ANNOTATIONS.map(([k, label]) => ({ path: `annotations.${k}`, label, kind: 'checkbox' as const })),
      ],
    },
    {
      legend: 'Reporting person',
      fields: [
        { path: 'reporter.reportingPerson.firstName', label: 'First name', kind: 'text' },
        { path: 'reporter.reportingPerson.lastName', label: 'Last name', kind: 'text' },
        {
          path: 'reporter.reportingPerson.email',
          label: 'Email (one per line)',
          kind: 'list',
          hint: 'NCMEC must be able to contact the reporter.',
        },
      ],
    },
    {
      legend: 'Conversation',
      fields: [
        {
          path: 'chat.content',
          label: 'Chat content',
          kind: 'textarea',
          hint: 'At most 3,000 characters. Rebuild it from a window below.',
        },
        { path: 'chat.additionalInfo', label: 'About the chat', kind: 'textarea' },
      ],
    },
  ];
  (d.personOrUserReported ?? []).forEach((_, i) =>
    groups.push({
      legend: `Reported user ${i + 1}`,
      fields: [
        { path: `personOrUserReported[${i}].screenName`, label: 'Screen name', kind: 'text' },
        { path: `personOrUserReported[${i}].additionalInfo`, label: 'What was observed (for the analyst at NCMEC)', kind: 'textarea' },
      ],
    }),
  );
  (d.files ?? []).forEach((f, i) =>
    groups.push({
      legend: `File ${i + 1} (${f.localId ?? ''})`,
      fields: [
        { path: `files[${i}].fileName`, label: 'File name', kind: 'text' },
        {
          path: `files[${i}].industryClassification`,
          label: 'Industry classification',
          kind: 'select',
          options: ['', 'A1', 'A2', 'B1', 'B2'],
          hint: 'A: prepubescent, B: pubescent; 1: sex act, 2: lascivious exhibition.',
        },
      ],
    }),
  );
  groups.push({ legend: 'For NCMEC', fields: [{ path: 'additionalInfo', label: 'Additional information', kind: 'textarea' }] });
  return groups;
}

const KEY = /([^.[\]]+)|\[(\d+)\]/g;
const keys = (path: string) => [...path.matchAll(KEY)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));

export function getPath(o: unknown, path: string): unknown {
  let cur = o;
  for (const k of keys(path)) cur = cur === null || typeof cur !== 'object' ? undefined : (cur as Record<string | number, unknown>)[k];
  return cur;
}

/** Sets (or, for `undefined`, removes) a value, creating the objects on the way. */
export function setPath(o: Record<string, unknown>, path: string, value: unknown): void {
  const ks = keys(path);
  let cur: Record<string | number, unknown> = o;
  for (const k of ks.slice(0, -1)) {
    if (cur[k] === null || typeof cur[k] !== 'object') cur[k] = {};
    cur = cur[k] as Record<string | number, unknown>;
  }
  const last = ks[ks.length - 1]!;
  if (value === undefined) delete cur[last];
  else cur[last] = value;
}

/**
 * The draft with the form's values: an empty field removes an optional value, an unticked
 * box removes its flag (annotation flags are present or absent, never false), a list is
 * one value per line. Paths the form does not show are left as they were.
 */
export function applyReportForm(draft: Draft, body: Record<string, unknown>): Record<string, unknown> {
  const out = structuredClone(draft) as Record<string, unknown>;
  for (const g of reportFields(draft))
    for (const f of g.fields) {
      const raw = body[f.path];
      const v = typeof raw === 'string' ? raw.replace(/\r\n/g, '\n') : undefined;
      if (f.kind === 'checkbox') setPath(out, f.path, v !== undefined ? true : undefined);
      else if (f.kind === 'list')
        setPath(
          out,
          f.path,
          (v ?? '')
            .split(/[\n,]/)
            .map((s) => s.trim())
            .filter(Boolean),
        );
      else if (v === undefined) continue;
      else setPath(out, f.path, v.trim() === '' ? undefined : f.kind === 'textarea' ? v : v.trim());
    }
  // A chat with neither content nor notes is no chat at all.
  const chat = out.chat as Record<string, unknown> | undefined;
  if (chat && Object.values(chat).every((x) => x === undefined)) delete out.chat;
  return out;
}

const idOf = (path: string) => `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

function control(f: FormField, value: unknown, error: string | undefined): Html {
  const id = idOf(f.path);
  const described = [error ? `${id}-err` : '', f.hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  const aria = html`${described ? html` aria-describedby="${described}"` : ''}${error ? html` aria-invalid="true"` : ''}`;
  const str = value === undefined || value === null ? '' : Array.isArray(value) ? value.join('\n') : String(value);
  let input: Html;
  if (f.kind === 'checkbox')
    return html`<div class="field check">
      <input type="checkbox" id="${id}" name="${f.path}" value="true" ${value === true ? html`checked` : ''}${aria} />
      <label for="${id}">${f.label}</label>
      ${error ? html`<p class="error" id="${id}-err">${error}</p>` : ''}
    </div>`;
  if (f.kind === 'select')
    input = html`<select id="${id}" name="${f.path}" ${aria}>
      ${(f.options ?? []).map((o) => html`<option value="${o}" ${o === str ? html`selected` : ''}>${o || '—'}</option>`)}
    </select>`;
  else if (f.kind === 'textarea' || f.kind === 'list')
    input = html`<textarea id="${id}" name="${f.path}" rows="${f.kind === 'list' ? 2 : 5}" ${aria}>${str}</textarea>`;
  else input = html`<input id="${id}" name="${f.path}" value="${str}" ${aria} />`;
  return html`<div class="field">
    <label for="${id}">${f.label}</label>
    ${input} ${f.hint ? html`<p class="muted hint" id="${id}-hint">${f.hint}</p>` : ''}
    ${error ? html`<p class="error" id="${id}-err">${error}</p>` : ''}
  </div>`;
}

/** The editor: every field with its own error (the page's banner lists them all, those of fields the form does not show too). */
export function reportForm(p: { id: string; csrf: string; draft: Draft; errors: readonly FieldIssue[] }): Html {
  const groups = reportFields(p.draft);
  // A list's items are named `path[i]`: their errors belong beside the list, by line.
  const errorOf = (path: string) =>
    p.errors
      .filter((e) => e.field === path || e.field.startsWith(`${path}[`))
      .map((e) =>
        e.field === path ? e.reason : `line ${Number(/^\[(\d+)\]/.exec(e.field.slice(path.length))?.[1] ?? 0) + 1}: ${e.reason}`,
      )
      .join('; ') || undefined;
  return html`<form method="post" action="/console/reports/${p.id}" class="card report-form" novalidate>
    <input type="hidden" name="_csrf" value="${p.csrf}" />
    <h2>Complete the draft</h2>
    <p class="muted">
      Check every field. Free text is at most 3,000 characters. Warden's facts (hashes, whether a file was viewed) come from the record.
    </p>
    ${groups.map(
      (g) =>
        html`<fieldset>
          <legend>${g.legend}</legend>
          ${g.fields.map((f) => control(f, getPath(p.draft, f.path), errorOf(f.path)))}
        </fieldset>`,
    )}
    <p class="actions"><button name="op" value="save">Save draft</button></p>
  </form>`;
}
