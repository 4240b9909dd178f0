// One row of the Trail's grid. Memoised: while the grid scrolls, rows already drawn keep their props
// (a row's place in the list never changes) and React only draws the rows coming into view.
import { memo } from 'react';
import type { TrailRow } from '../../../shared/api/trail';
import { cellText, type TrailColumn } from './columns';

export const ROW_HEIGHT = 34;

interface Props {
  record: TrailRow;
  index: number;
  start: number;
  active: boolean;
  columns: TrailColumn[];
  template: string;
  onActivate(index: number): void;
  onOpen(record: TrailRow): void;
}

export const TrailGridRow = memo(function TrailGridRow({ record, index, start, active, columns, template, onActivate, onOpen }: Props) {
  return (
    <div
      id={`trail-row-${record.pos}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      className={`grid-row${active ? ' active' : ''}${record.kind === 'violation' ? ' violation' : ''}`}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT, gridTemplateColumns: template }}
      onClick={() => onActivate(index)}
      onDoubleClick={() => onOpen(record)}
      data-pos={record.pos}
    >
      {columns.map((column) => (
        <div key={column.id} role="gridcell" className={`grid-cell col-${column.id}`}>
          {column.id === 'resource' ? (
            <a href={`#/record/${record.pos}`} tabIndex={-1} onClick={(e) => e.stopPropagation()}>
              {cellText(column, record) || '(no name)'}
            </a>
          ) : (
            cellText(column, record)
          )}
        </div>
      ))}
    </div>
  );
});
