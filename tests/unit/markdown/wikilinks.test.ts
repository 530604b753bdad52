import { join } from 'node:path';
import { describe } from 'vitest';
import { fixtureCases } from '../helpers/fixtures.ts';

describe('remark-wikilinks', () => fixtureCases(join(import.meta.dirname, 'wikilinks')));
