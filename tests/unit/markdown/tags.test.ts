import { join } from 'node:path';
import { describe } from 'vitest';
import { fixtureCases } from '../helpers/fixtures.ts';

describe('remark-tags', () => fixtureCases(join(import.meta.dirname, 'tags')));
