using System.Text;
using CspFunctions.Http;
using CspFunctions.Import;
using CspFunctions.Plans;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Plans;

public enum PlanFormat { Json, Csv }
