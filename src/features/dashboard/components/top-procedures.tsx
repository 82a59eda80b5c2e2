import type { TopProcedure } from '../../../contract/dashboard';
import { formatFigure } from '../lib/format';

interface Props {
  title: string;
  caption: string;
  procedures: TopProcedure[] | null;
  refusal?: string | null;
  /** Which figure leads the row. */
  lead: 'cases' | 'margin';
}

export function TopProcedures({ title, caption, procedures, refusal, lead }: Props) {
  return (
    <section className="panel top-procedures" aria-labelledby={`top-${lead}`}>
      <h2 id={`top-${lead}`}>{title}</h2>
      {procedures === null ? (
        <p className="muted">{refusal}</p>
      ) : procedures.length === 0 ? (
        <p className="muted">No procedure has enough cases in this window yet.</p>
      ) : (
        <table className="compact-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Procedure</th>
              <th scope="col" className="number">
                Cases
              </th>
              {lead === 'margin' && (
                <th scope="col" className="number">
                  Margin
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {procedures.map((procedure) => (
              <tr key={procedure.code}>
                <th scope="row">
                  {procedure.name} <span className="muted code">{procedure.code}</span>
                </th>
                <td className="number">{formatFigure(procedure.cases, 'cases')}</td>
                {lead === 'margin' && <td className="number">{formatFigure(procedure.margin, '%')}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted small">{caption}</p>
    </section>
  );
}
