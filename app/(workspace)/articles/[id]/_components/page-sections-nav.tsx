/** In-page links to the sections below the article's text; a section is added by adding its heading's id and label. */
export function PageSectionsNav({ sections }: { sections: readonly { href: string; label: string }[] }) {
  return (
    <nav aria-label="On this page" className="page-sections-nav">
      <ul>
        {sections.map((section) => (
          <li key={section.href}>
            <a href={section.href}>{section.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
