import { join } from 'node:path';
import { describe } from 'vitest';
import { fixtureCases } from '../helpers/fixtures.ts';

describe('remark-highlights', () => fixtureCases(join(import.meta.dirname, 'highlights')));
