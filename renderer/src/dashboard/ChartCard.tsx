// One chart of counts; a click on a bar opens the Trail filtered to it.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Count } from '../../../shared/api/summary';

interface Props {
  title: string;
  data: Count[];
  onPick?(key: string): void;
  layout?: 'vertical' | 'horizontal';
  /** A time axis may skip labels; a category axis names every bar. */
  timeAxis?: boolean;
}

export function ChartCard({ title, data, onPick, layout = 'horizontal', timeAxis = false }: Props) {
  const id = `chart-${title.replace(/\W+/g, '-').toLowerCase()}`;
  const vertical = layout === 'vertical';
  return (
    <figure className="panel chart" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      {data.length === 0 ? (
        <p className="muted">Nothing to show.</p>
      ) : (
        <div className="chart-box" style={{ height: vertical ? Math.max(160, data.length * 26 + 30) : 220 }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} layout={vertical ? 'vertical' : 'horizontal'} margin={{ left: 8, right: 16, top: 8, bottom: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
              {vertical ? (
                <>
                  <XAxis type="number" stroke="var(--muted)" fontSize={12} allowDecimals={false} />
                  <YAxis type="category" dataKey="key" width={170} stroke="var(--muted)" fontSize={12} interval={0} />
                </>
              ) : (
                <>
                  <XAxis dataKey="key" stroke="var(--muted)" fontSize={timeAxis ? 12 : 11} interval={timeAxis ? 'preserveStartEnd' : 0} />
                  <YAxis stroke="var(--muted)" fontSize={12} allowDecimals={false} width={56} />
                </>
              )}
              <Tooltip contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--text)' }} cursor={{ fill: 'var(--hover)' }} />
              <Bar
                dataKey="count"
                name="records"
                fill="var(--accent)"
                cursor={onPick ? 'pointer' : undefined}
                onClick={(entry: unknown) => {
                  const key = (entry as { payload?: Count }).payload?.key;
                  if (key && onPick) onPick(key);
                }}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      {/* The same numbers as text, for screen readers and for copying. */}
      <table className="sr-only">
        <caption>{title}</caption>
        <tbody>
          {data.map((d) => (
            <tr key={d.key}>
              <th scope="row">{d.key}</th>
              <td>{d.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
