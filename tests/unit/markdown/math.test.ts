import { join } from 'node:path';
import { describe } from 'vitest';
import { fixtureCases } from '../helpers/fixtures.ts';

describe('math (remark-math, rehype-math-check, rehype-katex)', () => fixtureCases(join(import.meta.dirname, 'math')));
