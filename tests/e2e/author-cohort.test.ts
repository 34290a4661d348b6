import { db } from '@/lib/db/client';
import { describeBrowser, newPage, saveScreenshot, setEditorText, signUpViaUi, uniqueEmail, useAppAndBrowser } from './harness';

// Isolating egress too breaks prod → dev (a classic mistake); the comment must not reach the instructor.
const WRONG = `# my attempt, Jo Learner
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
  namespace: prod
spec:
  podSelector: {}
  policyTypes:
  - Ingress
  - Egress
`;

describeBrowser('cohort flow: an instructor creates a cohort, a learner joins by link, the report shows the failure', () => {
  const suite = useAppAndBrowser();
  const emails: string[] = [];

  afterAll(async () => {
    await db.user.deleteMany({ where: { email: { in: emails } } });
    await db.$disconnect();
  });

  it('shows the learner, their failure and an anonymised wrong answer to the instructor only', async () => {
    const teacherEmail = uniqueEmail('teacher');
    const learnerEmail = uniqueEmail('cohort-learner');
    emails.push(teacherEmail, learnerEmail);
    const teacher = await newPage(suite.browser, suite.app.baseUrl);
    const learner = await newPage(suite.browser, suite.app.baseUrl);
    try {
      await signUpViaUi(teacher.page, teacherEmail);
      await db.user.update({ where: { email: teacherEmail }, data: { role: 'instructor' } });
      await teacher.page.goto('/cohorts');
      await teacher.page.getByLabel('Name').fill('Tuesday group');
      await teacher.page.getByRole('button', { name: 'Create' }).click();
      await teacher.page.waitForURL(/\/cohorts\/\w+$/);
      const cohortUrl = new URL(teacher.page.url()).pathname;
      const code = (await teacher.page.getByTestId('join-code').innerText()).trim();
      expect(code).toMatch(/^[A-Z2-9]{8}$/);

      // The learner follows the join link (signing up on the way), then fails a scenario once.
      await signUpViaUi(learner.page, learnerEmail, undefined, '/cohorts/join');
      await learner.page.goto(`/cohorts/join?code=${code}`);
      await learner.page.getByRole('button', { name: 'Join' }).click();
      await learner.page.getByText(/You joined “Tuesday group”/).waitFor();
      // A learner cannot open the report.
      const forbidden = await learner.page.goto(cohortUrl);
      expect(forbidden?.status()).toBe(404);
      await learner.page.goto('/scenarios/default-deny-ingress');
      await learner.page.locator('.cm-content').first().waitFor();
      await setEditorText(learner.page, WRONG);
      await learner.page.getByRole('button', { name: /^submit/i }).click();
      await learner.page.waitForFunction(() => /not yet/i.test(document.querySelector('[data-testid="result-status"]')?.textContent ?? ''));

      await teacher.page.goto(cohortUrl);
      const learners = await teacher.page.getByTestId('cohort-learners').innerText();
      expect(learners).toContain(learnerEmail.split('@')[0].slice(0, 10));
      const scenarios = teacher.page.getByTestId('cohort-scenarios');
      const text = await scenarios.innerText();
      expect(text).toMatch(/Deny all ingress in prod/);
      expect(text).toMatch(/Solve rate 0%/);
      expect(text).toMatch(/prod\/\w+ → dev\/tester :\d+\/TCP failed 1×/);
      await scenarios.getByText('Sample wrong answer (anonymised)').click();
      const sample = await scenarios.locator('pre').first().innerText();
      expect(sample).toContain('- Egress');
      expect(sample).not.toContain('Jo Learner');
      await saveScreenshot(teacher.page, 'cohort');
    } finally {
      await teacher.context.close();
      await learner.context.close();
    }
  }, 180_000);
});
