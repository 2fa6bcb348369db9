using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CspFunctions.Observability;
using CspFunctions.Setup;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Retention;

public sealed record PurgeOutcome(DateOnly Cutoff, int Deleted, int LeftAlone);
