import { describe, expect, it } from 'vitest';
import { parseHash, hrefFor } from '../../renderer/src/app/router';
import { activeFilterCount, paramsFromView, viewFromParams } from '../../renderer/src/trail/trail-url';

describe('Trail view in the URL', () => {
  it('round-trips every filter, the search and the sort through the address', () => {
    const view = viewFromParams(
      new URLSearchParams('tenant=acme&user=zoe%40x.com&operation=DELETE&kind=violation&sensitive=yes&q=INV 666&start_date=2024-01-01&end_date=2024-02-01&sort=user&dir=asc'),
    );
    expect(view).toMatchObject({ tenant: 'acme', user: 'zoe@x.com', kind: 'violation', sensitive: true, q: 'INV 666', sort: 'user', dir: 'asc' });
    expect(viewFromParams(paramsFromView(view))).toEqual(view);
    expect(activeFilterCount(view)).toBe(8);
  });

  it('ignores what it does not know instead of sending it to the backend', () => {
    const view = viewFromParams(new URLSearchParams('kind=table&sort=drop&sensitive=maybe&tenant=%20&dir=sideways'));
    expect(view).toEqual({ sort: 'time', dir: 'desc' });
    expect(paramsFromView(view).toString()).toBe('');
  });

  it('builds and parses hash routes with awkward characters in them', () => {
    const href = hrefFor(['resource', 'invoice', 'a/b c#?'], { q: 'x&y' });
    const route = parseHash(href);
    expect(route.segments).toEqual(['resource', 'invoice', 'a/b c#?']);
    expect(route.params.get('q')).toBe('x&y');
  });
});
