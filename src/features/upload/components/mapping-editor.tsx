import { useMutation, useQuery } from '@tanstack/react-query';
import type { Uppy } from '@uppy/core';
import { useEffect, useId, useState } from 'react';
import {
  type CaseDataColumn,
  formatsFor,
  type MappingColumns,
  type MappingProposal,
  type ValueFormat,
} from '../../../contract/column-mapping';
import { CASE_DATA_COLUMNS, REQUIRED_CASE_COLUMNS } from '../../../contract/files';
import { proposeMapping, saveMapping } from '../api/mappings';
import type { UploadBody, UploadMeta } from '../uppy/adaptive-s3';

const FORMAT_LABELS: Partial<Record<ValueFormat, string>> = {
  '0_1': '0 / 1',
  yes_no: 'Y / N, yes / no, true / false',
  plain: '1234.50',
  currency: '$1,234.50 or (1,234.50)',
  M_F: 'M / F',
  words: 'Male / Female / Unknown',
};
const formatLabel = (format: ValueFormat) => FORMAT_LABELS[format] ?? format;
const isRequired = (column: CaseDataColumn) => (REQUIRED_CASE_COLUMNS as readonly string[]).includes(column);

interface Props {
  uppy: Uppy<UploadMeta, UploadBody>;
  fileId: string;
  fileName: string;
  header: string[];
  samples: string[][];
}

/**
 * For a CSV, TSV or Parquet file whose columns are not the case format: the API's proposed mapping from its columns to the
 * case columns (or the organization's saved mapping for the same header), with sample values, correctable
 * with plain selects and saved under a name for the next file like it.
 */
export function MappingEditor({ uppy, fileId, fileName, header, samples }: Props) {
  const proposal = useQuery({
    queryKey: ['mapping-proposal', header, samples],
    queryFn: () => proposeMapping({ header, samples }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [editing, setEditing] = useState(false);
  const [applied, setApplied] = useState<{ id: string; name: string } | null>(null);
  const saved = proposal.data?.saved ?? null;

  // A saved mapping for exactly this header is applied as it is; the analyst can still change it.
  useEffect(() => {
    if (saved && !editing && !applied) {
      uppy.setFileMeta(fileId, { hpMappingId: saved.id });
      setApplied({ id: saved.id, name: saved.name });
    }
  }, [saved, editing, applied, uppy, fileId]);

  if (proposal.isPending) return <p className="muted">Looking for a column mapping…</p>;
  if (proposal.isError)
    return <p className="info">A column mapping could not be proposed: {proposal.error.message}</p>;
  if (applied && !editing) {
    return (
      <div className="mapping-applied">
        <p>
          Uses the column mapping <strong>{applied.name}</strong>: it will be added to your case data with it.
        </p>
        <button type="button" className="button subtle" onClick={() => setEditing(true)}>
          Change the mapping
        </button>
      </div>
    );
  }
  return (
    <MappingForm
      proposal={proposal.data}
      start={editing && saved ? saved.columns : proposal.data.columns}
      header={header}
      samples={samples}
      fileName={fileName}
      onSaved={(mapping) => {
        uppy.setFileMeta(fileId, { hpMappingId: mapping.id });
        setApplied(mapping);
        setEditing(false);
      }}
    />
  );
}

function MappingForm({
  proposal,
  start,
  header,
  samples,
  fileName,
  onSaved,
}: {
  proposal: MappingProposal;
  start: MappingColumns;
  header: string[];
  samples: string[][];
  fileName: string;
  onSaved: (mapping: { id: string; name: string }) => void;
}) {
  const [columns, setColumns] = useState<MappingColumns>(start);
  const [name, setName] = useState(`${fileName.replace(/\.[^.]+$/, '')} columns`);
  const save = useMutation({ mutationFn: saveMapping, onSuccess: onSaved });
  const formId = useId();
  const missing = REQUIRED_CASE_COLUMNS.filter((column) => !columns[column]);

  const samplesOf = (source: string | undefined) => {
    const index = source === undefined ? -1 : header.indexOf(source);
    if (index < 0) return '';
    return samples
      .map((row) => row[index] ?? '')
      .filter(Boolean)
      .slice(0, 3)
      .join(' · ');
  };
  const setSource = (column: CaseDataColumn, source: string) =>
    setColumns((current) => {
      const next = { ...current };
      if (source === '') delete next[column];
      else next[column] = { source, ...(current[column]?.format ? { format: current[column]?.format } : {}) };
      return next;
    });
  const setFormat = (column: CaseDataColumn, format: ValueFormat) =>
    setColumns((current) => {
      const entry = current[column];
      return entry ? { ...current, [column]: { ...entry, format } } : current;
    });

  return (
    <form
      className="mapping-form"
      aria-labelledby={`${formId}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (missing.length === 0) save.mutate({ name: name.trim(), header, columns });
      }}
    >
      <h3 id={`${formId}-title`}>Map the columns of {fileName}</h3>
      <p className="muted">
        Proposed from the column names; check each one against its sample values. Dates, yes/no and money are
        read in the one format you choose; a value that does not fit it is rejected with the reason.
      </p>
      <table className="mapping-table">
        <thead>
          <tr>
            <th scope="col">Case column</th>
            <th scope="col">Column in your file</th>
            <th scope="col">Written as</th>
            <th scope="col">Sample values</th>
          </tr>
        </thead>
        <tbody>
          {CASE_DATA_COLUMNS.map((column) => {
            const entry = columns[column];
            const formats = formatsFor(column);
            const how = proposal.matched_by[column];
            return (
              <tr key={column}>
                <th scope="row">
                  <label htmlFor={`${formId}-${column}`}>{column}</label>
                  {isRequired(column) && <span className="muted"> (required)</span>}
                  {how && entry?.source === proposal.columns[column]?.source && how === 'similar' && (
                    <span className="mapping-check"> (similar name: check it)</span>
                  )}
                </th>
                <td>
                  <select
                    id={`${formId}-${column}`}
                    value={entry?.source ?? ''}
                    onChange={(event) => setSource(column, event.target.value)}
                  >
                    <option value="">— not in this file —</option>
                    {header.map((source) => (
                      <option key={source} value={source}>
                        {source}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {formats.length > 1 && entry ? (
                    <select
                      aria-label={`How ${column} is written`}
                      value={entry.format ?? formats[0]}
                      onChange={(event) => setFormat(column, event.target.value as ValueFormat)}
                    >
                      {formats.map((format) => (
                        <option key={format} value={format}>
                          {formatLabel(format)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="mapping-samples">{samplesOf(entry?.source)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="mapping-save">
        <label htmlFor={`${formId}-name`}>Save as</label>
        <input
          id={`${formId}-name`}
          value={name}
          maxLength={100}
          required
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button primary" disabled={save.isPending || missing.length > 0}>
          Save mapping and use it
        </button>
      </div>
      {missing.length > 0 && <p className="info">Choose a column for {missing.join(', ')}.</p>}
      {save.isError && (
        <p className="info" role="alert">
          {save.error.message}
        </p>
      )}
    </form>
  );
}
