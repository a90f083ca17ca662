import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCjkFont } from './cjk-font.ts';

const NOTO = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

describe('findCjkFont', () => {
  // fonts-noto-cjk is installed for the tests (scripts/test-all.sh); without it this test is skipped.
  it.skipIf(!existsSync(NOTO))(
    'takes the first known path that exists, with the SC face of the collection',
    () => {
      expect(findCjkFont(['/nonexistent/font.ttc', NOTO])).toEqual({
        path: NOTO,
        face: 'NotoSansCJKsc-Regular',
      });
    },
  );
});
