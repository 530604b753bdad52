import { join } from 'node:path';
import { describe } from 'vitest';
import { fixtureCases } from '../helpers/fixtures.ts';

describe('remark-block-ids', () => fixtureCases(join(import.meta.dirname, 'block-ids')));
