using System.Text;
using CspFunctions.Access;
using CspFunctions.Plans;

namespace CspFunctions.Import;

/// <summary>Upload in two steps: <see cref="PreviewAsync"/> reads and validates the file and stores nothing;
/// <see cref="ConfirmAsync"/> imports the previewed document as it was shown, unless the plan changed in between. Both
/// check that the person may write the plan (a new plan must list them as a manager), since the plan is named in the file.</summary>
public sealed class PlanUpload(PlanImporter importer, IPlanStore plans)
{
    public async Task<ImportPreview> PreviewAsync(SignedInUser user, string fileName, Stream content, CsvPlanHeader header, string? round, DateOnly today, CancellationToken ct = default)
    {
        var roundId = round ?? (header.FinancialYearStart is >= 2000 and <= 2200 ? ImportRound.Default(header.FinancialYearStart.Value, today) : null);
        var reading = UploadedPlanFile.ReadPlan(fileName, content, header, roundId);
        var existing = PlanValidator.IsValidId(reading.Document.Id) ? await plans.GetAsync(reading.Document.Id!, ct) : null;
        if (existing is not null && UploadedPlanFile.FormatOf(fileName) != PlanFormat.Json)
            reading = reading with { Document = KnownLeads.Apply(reading.Document, existing.Plan) };
        CheckAccess(user, reading.Document, existing);
        return ImportPreview.Of(fileName, reading, existing);
    }

    public async Task<ImportOutcome> ConfirmAsync(SignedInUser user, string documentJson, int baseRevision, CancellationToken ct = default)
    {
        var document = PlanReader.ReadJson(new MemoryStream(Encoding.UTF8.GetBytes(documentJson)));
        var current = PlanValidator.IsValidId(document.Id) ? await plans.GetAsync(document.Id!, ct) : null;
        CheckAccess(user, document, current);
        if ((current?.Revision ?? 0) != baseRevision)
            throw new ConcurrencyConflictException($"Plan {document.Id} changed since the preview (revision {current?.Revision ?? 0}, the preview was of revision {baseRevision}). Nothing was imported: upload the file again to see a fresh preview.");
        return await importer.ImportAsync(document, ct);
    }

    private static void CheckAccess(SignedInUser user, PlanDocument document, StoredPlan? existing)
    {
        var managers = (document.Managers ?? []).Select(m => new Contact(m.Name ?? "", m.Email ?? "", m.TeamsUserId));
        if (!AccessRules.MayWritePlan(user, existing?.Plan, managers))
            throw new UploadRefusedException("You may upload only plans you manage, and a new plan must list you as a manager. Nothing was imported.");
    }
}
