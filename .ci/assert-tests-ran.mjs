// Fails the CI run when the test report shows no tests, or no browser (e2e) test that passed:
// a run that executes nothing must not look green.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = report.testResults.flatMap((file) =>
  file.assertionResults.map((t) => ({ file: file.name, status: t.status })),
);
const passedIn = (dir) =>
  results.filter((t) => t.file.includes(`/test/${dir}/`) && t.status === 'passed').length;
const counts = Object.fromEntries(
  ['shared', 'worker', 'extension', 'e2e'].map((d) => [d, passedIn(d)]),
);
console.log('ci: passed tests per project', counts);
if (report.numTotalTests === 0) throw new Error('ci: no test ran');
if (counts.e2e === 0) throw new Error('ci: no browser test ran (is Chromium installed?)');
