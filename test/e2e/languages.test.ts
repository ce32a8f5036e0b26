// The workbench in Dutch and French, switched while it runs (the chart stays), and the layout at the screen
// sizes analysts have: nothing scrolls sideways at 1280×720, 1366×768 or 1920×1080 in any language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findPersonToInvestigate, type PersonFixture } from './support/demo-fixtures';
import { addFromSearch, waitUntilConnected } from './support/chart-ui';
import { startWorkbenchUnderTest, type WorkbenchUnderTest } from './support/workbench-under-test';

let stack: WorkbenchUnderTest;
let person: PersonFixture;

beforeAll(async () => {
  stack = await startWorkbenchUnderTest();
  person = await findPersonToInvestigate(stack.driver);
});

afterAll(async () => {
  await stack?.close();
});

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });

/** Through the More menu as an analyst would; the select is found by its place, its label changes language. */
async function switchLanguage(page: Page, language: string): Promise<void> {
  const more = page.locator('.top-more > button');
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  await page.locator('.language-picker select').selectOption(language);
  await page.keyboard.press('Escape');
  await eventually(() => page.evaluate<string>('document.documentElement.lang')).toBe(language);
}

/** Widths that do not fit: the page itself, and each bar that must never clip its buttons. */
async function horizontalOverflow(page: Page): Promise<string[]> {
  // A string, not a function: this file is compiled without DOM types.
  return page.evaluate<string[]>(`(() => {
    const found = [];
    const root = document.scrollingElement;
    if (root.scrollWidth > root.clientWidth) found.push('page ' + root.scrollWidth + ' > ' + root.clientWidth);
    for (const selector of ['.top-bar', '.chart-toolbar', '.chart-actions', '.paths-bar', '.time-bar', '.search-panel', '.details-panel']) {
      for (const element of document.querySelectorAll(selector)) {
        if (element.scrollWidth > element.clientWidth + 1) found.push(selector + ' ' + element.scrollWidth + ' > ' + element.clientWidth);
      }
    }
    return found;
  })()`);
}

/** Where every toolbar control is (x, y, width), to see that changing the selection moves none of them. */
function toolbarLayout(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`[...document.querySelectorAll('.top-bar button, .chart-toolbar button, .chart-actions button, .chart-actions select, .paths-bar button')]
    .map((element) => { const box = element.getBoundingClientRect(); return Math.round(box.x) + ',' + Math.round(box.y) + ',' + Math.round(box.width); })`);
}

/** A page whose chart holds the test person and everything linked to it. */
async function openWithNeighbourhood(viewport: { width: number; height: number }): Promise<Page> {
  const { page } = await stack.openPage({ viewport });
  await waitUntilConnected(page);
  await addFromSearch(page, person.label, person.label);
  await page.getByRole('button', { name: 'Expand selected' }).click();
  await eventually(() => page.locator('.chart-status').textContent()).not.toBe('1 entity, 0 links');
  return page;
}

/** A person with a date of birth and a label no one else has, so one search finds exactly that record. */
async function findPersonWithBirthDate(): Promise<{ label: string; dateOfBirth: string }> {
  const { records } = await stack.driver.executeQuery(
    `MATCH (p:Person) WHERE p.dataset = 'demo' AND p.dateOfBirth IS NOT NULL AND p.label =~ '[A-Za-z ]{8,}'
     WITH p.label AS label, collect(p) AS people WHERE size(people) = 1
     RETURN label, toString(people[0].dateOfBirth) AS dateOfBirth ORDER BY label LIMIT 1`,
  );
  if (!records[0]) throw new Error('The demo data has no person with a date of birth and a unique label.');
  return { label: records[0].get('label') as string, dateOfBirth: records[0].get('dateOfBirth') as string };
}

/**
 * What of the open dialog an analyst cannot reach without scrolling: content wider than the dialog, and
 * buttons outside the window or covered where a click would land (by the dialog's own scrolled content).
 */
async function dialogFitProblems(page: Page): Promise<string[]> {
  // A string, not a function: this file is compiled without DOM types.
  return page.evaluate<string[]>(`(() => {
    const dialog = document.querySelector('dialog[open]');
    if (!dialog) return ['no open dialog'];
    const buttons = [...dialog.querySelectorAll('.dialog-buttons button')];
    if (buttons.length === 0) return ['the dialog has no buttons'];
    const found = [];
    if (dialog.scrollWidth > dialog.clientWidth + 1) found.push('content ' + dialog.scrollWidth + ' wide in a dialog of ' + dialog.clientWidth);
    for (const button of buttons) {
      const box = button.getBoundingClientRect();
      const inside = box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!inside || !(hit && button.contains(hit))) {
        found.push(button.textContent.trim() + ' at ' + Math.round(box.top) + '–' + Math.round(box.bottom) + ' of ' + window.innerHeight);
      }
    }
    return found;
  })()`);
}

describe('interface languages', () => {
  it('switches the running workbench to French and Dutch without losing the chart', async () => {
    const { page, problems } = await stack.openPage({ viewport: { width: 1366, height: 768 } });
    await waitUntilConnected(page);
    await addFromSearch(page, person.label, person.label);
    const chartStatus = page.locator('.chart-status');
    await eventually(() => chartStatus.textContent()).toBe('1 entity, 0 links');
    await page.getByRole('complementary', { name: 'Details' }).getByText('Where this came from').waitFor();

    await switchLanguage(page, 'fr-BE');
    // Search panel.
    const frSearch = page.getByRole('combobox', { name: 'Rechercher des entités' });
    expect(await frSearch.getAttribute('placeholder')).toContain("plaque d'immatriculation");
    await page.getByRole('button', { name: /^Filtres/ }).waitFor();
    // Details panel: still the same entity, now in French; the chart is untouched.
    const frDetails = page.getByRole('complementary', { name: 'Détails' });
    await frDetails.getByRole('heading', { name: person.label }).waitFor();
    await frDetails.getByText('Origine des données').waitFor();
    await frDetails.getByText('Propriétés').waitFor();
    expect(await chartStatus.textContent()).toBe('1 entité, 0 lien');
    await page.getByRole('button', { name: 'Développer la sélection' }).waitFor();
    // Export dialog.
    await page.getByRole('button', { name: 'Exporter…' }).click();
    await page.getByRole('dialog', { name: 'Exporter le graphique' }).waitFor();
    // A chart nobody named yet: its proposed title is the one the top bar shows, in French.
    await eventually(() => page.getByRole('dialog', { name: 'Exporter le graphique' }).getByLabel('Titre', { exact: true }).inputValue()).toBe('Graphique sans titre');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Exporter le graphique' }).waitFor({ state: 'hidden' });
    // An error from the backend: its code's message in French, the server's English detail kept beside it.
    await page.locator('input[type="file"][accept=".json,application/json"]').setInputFiles({ name: 'pas-un-graphique.json', mimeType: 'application/json', buffer: Buffer.from('{"not":"a chart"}') });
    const alert = page.getByRole('alert', { name: 'Problèmes' });
    await eventually(() => alert.textContent()).toContain("Ouvrir le fichier de graphique pas-un-graphique.json : Schakel n'a pas pu accepter cette demande.");
    await page.getByRole('button', { name: /^Fermer : / }).first().click();

    await switchLanguage(page, 'nl-BE');
    const nlSearch = page.getByRole('combobox', { name: 'Entiteiten zoeken' });
    expect(await nlSearch.getAttribute('placeholder')).toContain('nummerplaat');
    const nlDetails = page.getByRole('complementary', { name: 'Details' });
    await nlDetails.getByText('Herkomst').waitFor();
    await nlDetails.getByText('Eigenschappen').waitFor();
    expect(await chartStatus.textContent()).toBe('1 entiteit, 0 schakels');
    await page.getByRole('button', { name: 'Exporteren…' }).click();
    await page.getByRole('dialog', { name: 'Grafiek exporteren' }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('input[type="file"][accept=".json,application/json"]').setInputFiles({ name: 'geen-grafiek.json', mimeType: 'application/json', buffer: Buffer.from('[]') });
    await eventually(() => page.getByRole('alert', { name: 'Problemen' }).textContent()).toContain('Grafiekbestand geen-grafiek.json openen: Schakel kon dit verzoek niet aanvaarden.');

    // The Netherlands variant: kenteken, not nummerplaat; dates dd-mm-yyyy.
    await switchLanguage(page, 'nl-NL');
    expect(await page.getByRole('combobox', { name: 'Entiteiten zoeken' }).getAttribute('placeholder')).toContain('kenteken');

    // Remembered: a reload starts in the last choice, whatever the browser says.
    await page.reload();
    await page.getByRole('combobox', { name: 'Entiteiten zoeken' }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('nl-NL');
    await switchLanguage(page, 'en');
    await page.getByRole('combobox', { name: 'Search entities' }).waitFor();
    // The two refused chart files are logged by Chromium as failed requests (400); nothing else may be.
    expect(problems.filter((problem) => !/status of 400/.test(problem))).toEqual([]);
    await page.context().close();
  });

  it('starts in the browser language, and in English with a notice for one Schakel does not speak', async () => {
    const french = await stack.openPage({ locale: 'fr-BE' });
    await french.page.getByRole('combobox', { name: 'Rechercher des entités' }).waitFor();
    expect(await french.page.evaluate<string>('document.documentElement.lang')).toBe('fr-BE');
    await french.page.context().close();

    const dutch = await stack.openPage({ locale: 'nl-NL' });
    expect(await dutch.page.getByRole('combobox', { name: 'Entiteiten zoeken' }).getAttribute('placeholder')).toContain('kenteken');
    await dutch.page.context().close();

    const german = await stack.openPage({ locale: 'de-DE' });
    await german.page.getByRole('combobox', { name: 'Search entities' }).waitFor();
    await german.page.getByText('Your system language (de-DE) is not available in Schakel').waitFor();
    await german.page.context().close();
  });

  it('writes search result subtitles with the date of birth as the interface language does', async () => {
    const subject = await findPersonWithBirthDate();
    const [year, month, day] = subject.dateOfBirth.split('-');
    const { page, problems } = await stack.openPage();
    await waitUntilConnected(page);
    const subtitle = page.getByRole('option').filter({ hasText: subject.label }).locator('.result-sub > span').first();
    for (const [language, written] of [
      ['nl-BE', `${day}/${month}/${year}`],
      ['nl-NL', `${day}-${month}-${year}`],
      ['fr-BE', `${day}/${month}/${year}`],
    ]) {
      await switchLanguage(page, language);
      await page.locator('.search-box input').fill(subject.label);
      await eventually(() => subtitle.textContent()).toMatch(new RegExp(`^${written} ·|^${written}$`));
      expect(await subtitle.textContent()).not.toContain(subject.dateOfBirth);
    }
    await switchLanguage(page, 'en');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('fits the export dialog in 1366×768 with its buttons in view, in every language', async () => {
    // Entities restricted by H1/H2 add the longest part of the form: a neighbourhood may well hold one.
    const page = await openWithNeighbourhood({ width: 1366, height: 768 });
    const found: string[] = [];
    for (const language of ['nl-BE', 'fr-BE', 'nl-NL', 'en']) {
      await switchLanguage(page, language);
      await page.keyboard.press('Control+E');
      const dialog = page.getByRole('dialog');
      await dialog.locator('.dialog-buttons button[type="submit"]').waitFor();
      found.push(...(await dialogFitProblems(page)).map((problem) => `${language}: ${problem}`));
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    }
    expect(found).toEqual([]);
    await page.context().close();
  });

  it('never scrolls sideways at 1280×720, 1366×768 or 1920×1080, in any language', async () => {
    const page = await openWithNeighbourhood({ width: 1280, height: 720 });
    const found: string[] = [];
    for (const language of ['en', 'nl-BE', 'fr-BE']) {
      await switchLanguage(page, language);
      for (const [width, height] of [[1280, 720], [1366, 768], [1920, 1080]]) {
        await page.setViewportSize({ width, height });
        await page.waitForTimeout(100); // one layout pass
        found.push(...(await horizontalOverflow(page)).map((problem) => `${language} ${width}×${height}: ${problem}`));
      }
    }
    expect(found).toEqual([]);

    // Selecting changes what is enabled, never where the buttons are.
    await page.setViewportSize({ width: 1366, height: 768 });
    for (const [language, select, all, none] of [
      ['fr-BE', 'Sélection', 'Tout sélectionner', 'Ne rien sélectionner'],
      ['en', 'Select', 'Select all', 'Select none'],
    ]) {
      await switchLanguage(page, language);
      await page.getByRole('button', { name: select, exact: true }).click();
      const selectNone = page.getByRole('menuitem', { name: none });
      if (await selectNone.isEnabled()) await selectNone.click();
      else await page.keyboard.press('Escape');
      const unselected = await toolbarLayout(page);
      await page.getByRole('button', { name: select, exact: true }).click();
      await page.getByRole('menuitem', { name: all }).click();
      expect(await toolbarLayout(page)).toEqual(unselected);
    }
    await page.context().close();
  });
});
