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
        var (name, queue, poison) = Queues();
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

    /// <summary>Runs the function on every message visible now, until the queue is empty, and returns how many it took.
    /// A message that fails is made visible again a second later, so it waits for the next drain (as a runtime retry would).
    /// With <paramref name="deliveries"/> above 1 each message is handed to the function that many times before it is
    /// deleted: the at-least-once delivery a function must survive.</summary>
    public async Task<int> DrainAsync(int deliveries = 1, CancellationToken ct = default)
    {
        var (_, queue, poison) = Queues();
        await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        var handled = 0;
        for (var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30), ct)).Value; messages.Length > 0; messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30), ct)).Value)
        {
            foreach (var message in messages) await HandleAsync(queue, poison, message, ct, deliveries);
            handled += messages.Length;
        }
        return handled;
    }

    private (string Name, QueueClient Queue, QueueClient Poison) Queues()
    {
        var name = TimerRunner.Resolve(function.QueueName!, config, "Queue");
        return (name, storage.Queues.GetQueueClient(name), storage.Queues.GetQueueClient(QueueOptions.Poison(name)));
    }

    private async Task HandleAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken ct, int deliveries = 1)
    {
        try
        {
            for (var delivery = 1; delivery <= deliveries; delivery++) await invoker.InvokeTriggerAsync(services, function, message, ct);
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
