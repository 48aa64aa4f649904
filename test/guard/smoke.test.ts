import { z } from 'zod';
import { ProjectSchema } from 'jira.js/cloud';
test('loads', () => { expect(z.string().parse('a')).toBe('a'); expect(ProjectSchema).toBeDefined(); });
