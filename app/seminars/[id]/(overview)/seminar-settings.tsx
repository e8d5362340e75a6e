import { ArchiveControls } from "./archive-controls";
import { RenameSeminarForm } from "./rename-seminar-form";

const card = "rounded-xl border border-line bg-card p-6 shadow-xs";

/** The instructors' controls for the seminar as a whole: its name and term, and archiving. */
export function SeminarSettings({ seminar }: { seminar: { id: string; name: string; term: string; archived: boolean } }) {
  return (
    <section aria-labelledby="settings-heading" className={card}>
      <h2 id="settings-heading" className="font-serif text-xl font-semibold text-ink">
        Seminar settings
      </h2>
      {seminar.archived ? null : (
        <div className="mt-3">
          <RenameSeminarForm seminarId={seminar.id} name={seminar.name} term={seminar.term} />
        </div>
      )}
      <div className={seminar.archived ? "mt-3" : "mt-5 border-t border-line pt-4"}>
        <h3 className="text-sm font-medium text-ink">Archive</h3>
        <div className="mt-1">
          <ArchiveControls seminarId={seminar.id} seminarName={seminar.name} archived={seminar.archived} />
        </div>
      </div>
    </section>
  );
}
