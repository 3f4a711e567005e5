namespace CoCreation.BuildingBlocks.Audit;

/// <summary>
/// An event a member can ask a receipt for (GET /api/receipts/{id}, docs/adr/0024): the event's own id in the log is
/// set to <see cref="ReceiptId"/> (a vote's id, a contribution's id), so the receipt is found by the id the member was given.
/// </summary>
public interface IHasReceipt
{
    Guid ReceiptId { get; }
}
