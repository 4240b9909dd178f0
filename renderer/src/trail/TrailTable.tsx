// The Trail's table: @tanstack/react-table for columns (chooser, server-side sort), @tanstack/
// react-virtual for the body, so only the rows in view are in the DOM however many are loaded.
// Keyboard: ↑/↓ or k/j move, Enter opens, Home/End jump; the grid is one tab stop.
import { flexRender, getCoreRowModel, useReactTable, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { TrailRow, TrailSort } from '../../../shared/api/trail';
import { TRAIL_COLUMNS } from './columns';

const ROW_HEIGHT = 34;

export interface TrailTableProps {
  rows: TrailRow[];
  total: number | null;
  hasMore: boolean;
  loading: boolean;
  sort: TrailSort;
  dir: 'asc' | 'desc';
  visibility: VisibilityState;
  active: number;
  onActiveChange(index: number): void;
  onSort(sort: TrailSort): void;
  onOpen(row: TrailRow): void;
  onNeedMore(): void;
}

export function TrailTable(props: TrailTableProps) {
  const { rows, active } = props;
  const table = useReactTable({
    data: rows,
    columns: TRAIL_COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.pos),
    manualSorting: true,
    state: { columnVisibility: props.visibility },
  });
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (props.hasMore && !props.loading && lastIndex >= rows.length - 40) props.onNeedMore();
  }, [lastIndex, rows.length, props.hasMore, props.loading]);

  useEffect(() => {
    if (active >= 0 && active < rows.length) virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [active]);

  const visible = table.getVisibleLeafColumns();
  const template = visible.map((c) => `${(TRAIL_COLUMNS.find((t) => t.id === c.id)?.width ?? 120)}px`).join(' ');
  const width = visible.reduce((sum, c) => sum + (TRAIL_COLUMNS.find((t) => t.id === c.id)?.width ?? 120), 0);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = (to: number) => {
      event.preventDefault();
      props.onActiveChange(Math.max(0, Math.min(rows.length - 1, to)));
    };
    if (event.key === 'ArrowDown' || event.key === 'j') move(active + 1);
    else if (event.key === 'ArrowUp' || event.key === 'k') move(active - 1);
    else if (event.key === 'PageDown') move(active + 15);
    else if (event.key === 'PageUp') move(active - 15);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(rows.length - 1);
    else if (event.key === 'Enter' && rows[active]) {
      event.preventDefault();
      props.onOpen(rows[active]!);
    }
  };

  const tableRows = table.getRowModel().rows;
  return (
    <div
      className="grid-scroller"
      ref={scroller}
      role="grid"
      aria-label="Audit trail"
      aria-rowcount={(props.total ?? rows.length) + 1}
      aria-colcount={visible.length}
      aria-activedescendant={rows[active] ? `trail-row-${rows[active]!.pos}` : undefined}
      aria-busy={props.loading}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="trail-grid"
    >
      <div className="grid-head" role="rowgroup" style={{ width }}>
        {table.getHeaderGroups().map((group) => (
          <div key={group.id} role="row" aria-rowindex={1} className="grid-row grid-header-row" style={{ gridTemplateColumns: template }}>
            {group.headers.map((header) => {
              const spec = TRAIL_COLUMNS.find((c) => c.id === header.column.id);
              const sorted = spec?.sort && spec.sort === props.sort;
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  className="grid-cell grid-header"
                  aria-sort={sorted ? (props.dir === 'asc' ? 'ascending' : 'descending') : spec?.sort ? 'none' : undefined}
                >
                  {spec?.sort ? (
                    <button type="button" className="sort-button" onClick={() => props.onSort(spec.sort!)} tabIndex={-1}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span aria-hidden="true">{sorted ? (props.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  ) : (
                    flexRender(header.column.columnDef.header, header.getContext())
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize(), width }}>
        {items.map((item) => {
          const row = tableRows[item.index]!;
          const record = row.original;
          return (
            <div
              key={row.id}
              id={`trail-row-${record.pos}`}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={item.index === active}
              className={`grid-row${item.index === active ? ' active' : ''}${record.kind === 'violation' ? ' violation' : ''}`}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, gridTemplateColumns: template }}
              onClick={() => props.onActiveChange(item.index)}
              onDoubleClick={() => props.onOpen(record)}
              data-pos={record.pos}
            >
              {row.getVisibleCells().map((cell) => (
                <div key={cell.id} role="gridcell" className={`grid-cell col-${cell.column.id}`}>
                  {cell.column.id === 'resource' ? (
                    <a href={`#/record/${record.pos}`} tabIndex={-1} onClick={(e) => e.stopPropagation()}>
                      {String(cell.getValue() ?? '') || '(no name)'}
                    </a>
                  ) : (
                    String(cell.getValue() ?? '')
                  )}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
