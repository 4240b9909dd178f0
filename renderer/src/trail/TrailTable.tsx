// The Trail's table: @tanstack/react-table for columns (chooser, server-side sort), @tanstack/
// react-virtual for the body, so only the rows in view are in the DOM however many are loaded. The
// table holds the columns only, no row model: a row model of every loaded row costs about 2 KB a row
// and is rebuilt whenever a page arrives (100,000 rows: 300 MB, and seconds per page).
// Keyboard: ↑/↓ or k/j move, Enter opens, Home/End jump; the grid is one tab stop.
import { flexRender, getCoreRowModel, useReactTable, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { TrailRow, TrailSort } from '../../../shared/api/trail';
import { TRAIL_COLUMNS } from './columns';
import { ROW_HEIGHT, TrailGridRow } from './TrailGridRow';

const NO_ROWS: TrailRow[] = [];

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
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  // Columns only: rows are drawn by TrailGridRow from the loaded records (see the note at the top).
  const table = useReactTable({
    data: NO_ROWS,
    columns: TRAIL_COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    state: { columnVisibility: props.visibility },
  });
  const onOpen = useRef(props.onOpen);
  onOpen.current = props.onOpen;
  const open = useCallback((record: TrailRow) => onOpen.current(record), []);

  useEffect(() => {
    if (props.hasMore && !props.loading && lastIndex >= rows.length - 40) props.onNeedMore();
  }, [lastIndex, rows.length, props.hasMore, props.loading]);

  useEffect(() => {
    if (active >= 0 && active < rows.length) virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [active]);

  const visible = table.getVisibleLeafColumns();
  const visibleIds = visible.map((c) => c.id).join(',');
  const columns = useMemo(() => visibleIds.split(',').map((id) => TRAIL_COLUMNS.find((c) => c.id === id)!), [visibleIds]);
  const template = columns.map((c) => `${c.width}px`).join(' ');
  const width = columns.reduce((sum, c) => sum + c.width, 0);

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
        {items.map((item) => (
          <TrailGridRow
            key={rows[item.index]!.pos}
            record={rows[item.index]!}
            index={item.index}
            start={item.start}
            active={item.index === active}
            columns={columns}
            template={template}
            onActivate={props.onActiveChange}
            onOpen={open}
          />
        ))}
      </div>
    </div>
  );
}
