import { join } from 'node:path';
import { describe } from 'vitest';
import { fixtureCases } from '../helpers/fixtures.ts';

describe('remark-markdown-links', () => fixtureCases(join(import.meta.dirname, 'markdown-links')));
