using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CspFunctions.Setup;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.LocalHost;

/// <summary>Polls a Storage queue (Azurite) and runs the queue function, parking messages that fail five times
/// in "{queue}-poison", as the Functions host does with host.json's maxDequeueCount.</summary>
public sealed class QueueRunner(FunctionDefinition function, FunctionInvoker invoker, IServiceProvider services, StorageClients storage,
    IConfiguration config, ILogger<QueueRunner> logger) : BackgroundService
{
    public const int MaxDequeueCount = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var name = TimerRunner.Resolve(function.QueueName!, config, "Queue");
        var queue = storage.Queues.GetQueueClient(name);
        var poison = storage.Queues.GetQueueClient(QueueOptions.Poison(name));
        await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        var idle = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try { messages = (await queue.ReceiveMessagesAsync(8, TimeSpan.FromSeconds(30), stoppingToken)).Value; }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Queue {Queue} could not be read", name);
                messages = [];
            }
            if (messages.Length == 0)
            {
                await Task.Delay(idle, stoppingToken);
                idle = TimeSpan.FromMilliseconds(Math.Min(idle.TotalMilliseconds * 2, 2000));
                continue;
            }
            idle = TimeSpan.FromMilliseconds(200);
            foreach (var message in messages) await HandleAsync(queue, poison, message, stoppingToken);
        }
    }

    private async Task HandleAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken ct)
    {
        try
        {
            await invoker.InvokeTriggerAsync(services, function, message, ct);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Queue function {Function} failed on message {MessageId} (attempt {Attempt})", function.Name, message.MessageId, message.DequeueCount);
            if (message.DequeueCount >= MaxDequeueCount)
            {
                await poison.CreateIfNotExistsAsync(cancellationToken: ct);
                await poison.SendMessageAsync(message.Body.ToString(), cancellationToken: ct);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.FromSeconds(1), cancellationToken: ct);
            }
        }
    }

}
